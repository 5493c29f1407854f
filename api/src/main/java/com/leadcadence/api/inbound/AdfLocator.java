package com.leadcadence.api.inbound;

import com.leadcadence.api.adf.AdfParser;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the ADF document in an e-mail: in the text body, else in the HTML body (as markup, or escaped
 * into the page's text, as providers that "render" the XML do), else in an attachment that is XML or
 * holds an {@code <adf>} element. The document is cut from its XML declaration (when one comes right
 * before it) or its {@code <adf>} tag to its last {@code </adf>}; reading it is left to the ADF parser.
 */
final class AdfLocator {
  private static final Pattern ADF_START = Pattern.compile("<adf[\\s>]", Pattern.CASE_INSENSITIVE);
  private static final Pattern ESCAPED_ADF_START = Pattern.compile("&lt;adf(\\s|&gt;)", Pattern.CASE_INSENSITIVE);
  private static final Pattern DECLARATION_THEN_ADF =
      Pattern.compile("<\\?xml[^>]*\\?>\\s*(<\\?adf[^>]*\\?>\\s*)?<adf[\\s>]", Pattern.CASE_INSENSITIVE);
  private static final Pattern DECLARED_ENCODING =
      Pattern.compile("<\\?xml[^>]*encoding\\s*=\\s*[\"']([A-Za-z0-9._-]+)[\"']");
  private static final Pattern TAG = Pattern.compile("<[^>]*>");
  private static final Pattern ENTITY = Pattern.compile("&(lt|gt|amp|quot|apos|nbsp|#39|#34);");

  /** Where the document was found ("text", "html", "attachment lead.xml") and its text. */
  record FoundAdf(String where, String xml) {}

  Optional<FoundAdf> find(InboundMail mail) {
    Optional<String> inText = cut(mail.text());
    if (inText.isPresent()) {
      return Optional.of(new FoundAdf("text", inText.get()));
    }
    Optional<String> inHtml = cut(mail.html())
        .or(() -> mail.html() != null && ESCAPED_ADF_START.matcher(mail.html()).find()
            ? cut(unescape(TAG.matcher(mail.html()).replaceAll(""))) : Optional.empty());
    if (inHtml.isPresent()) {
      return Optional.of(new FoundAdf("html", inHtml.get()));
    }
    for (InboundMail.Attachment attachment : mail.attachments()) {
      if (attachment.content().length > 4 * AdfParser.MAX_BYTES) {
        continue; // a photo or a PDF, not a lead document
      }
      Optional<String> inAttachment = cut(decode(attachment.content()));
      if (inAttachment.isPresent()) {
        return Optional.of(new FoundAdf("attachment " + attachment.filename(), inAttachment.get()));
      }
    }
    return Optional.empty();
  }

  /** The ADF document within the text, if an {@code <adf>} start tag is in it. */
  static Optional<String> cut(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher start = ADF_START.matcher(text);
    if (!start.find()) {
      return Optional.empty();
    }
    int from = start.start();
    Matcher declared = DECLARATION_THEN_ADF.matcher(text);
    while (declared.find()) {
      if (declared.end() == start.end()) {  // the declaration belongs to this very <adf>
        from = declared.start();
        break;
      }
    }
    int end = text.toLowerCase(Locale.ROOT).lastIndexOf("</adf>");
    String document = end < from ? text.substring(from) : text.substring(from, end + "</adf>".length());
    return Optional.of(document.strip());
  }

  /** The five XML entities and the two HTML ones providers use when they print XML into a page. */
  private static String unescape(String html) {
    return ENTITY.matcher(html).replaceAll(m -> switch (m.group(1)) {
      case "lt" -> "<";
      case "gt" -> ">";
      case "amp" -> "&";  // "&amp;amp;" in the page was "&amp;" in the XML
      case "quot", "#34" -> "\"";
      case "apos", "#39" -> "'";
      default -> " ";
    });
  }

  /** An attachment in the encoding its XML declaration names, else UTF-8 (XML's default); a BOM is dropped. */
  private static String decode(byte[] content) {
    String head = new String(content, 0, Math.min(content.length, 200), StandardCharsets.ISO_8859_1);
    Matcher declared = DECLARED_ENCODING.matcher(head);
    Charset charset = StandardCharsets.UTF_8;
    if (declared.find()) {
      try {
        charset = Charset.forName(declared.group(1));
      } catch (IllegalArgumentException e) {
        // unknown name: UTF-8, and the parser says what is wrong if anything is
      }
    }
    String text = new String(content, charset);
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }
}
