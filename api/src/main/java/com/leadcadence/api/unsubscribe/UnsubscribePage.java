package com.leadcadence.api.unsubscribe;

/**
 * The three small HTML pages a person sees after clicking the link: the question (one button), the
 * confirmation, and "not found". Everything variable is escaped. No scripts, no external resources.
 */
final class UnsubscribePage {

  private UnsubscribePage() {}

  /** A GET only asks: mail scanners follow links, so only the button's POST unsubscribes. */
  static String ask(String dealershipName, String maskedEmail, String token) {
    String dealer = escape(dealershipName);
    return page("Unsubscribe from " + dealer + " emails",
        "<h1>Unsubscribe from " + dealer + " emails?</h1>\n"
            + "<p>" + dealer + " will stop emailing <strong>" + escape(maskedEmail) + "</strong>.</p>\n"
            + "<form method=\"post\" action=\"" + escape(token) + "\">\n"
            + "<button type=\"submit\">Unsubscribe</button>\n"
            + "</form>");
  }

  static String done(String dealershipName, String maskedEmail) {
    String dealer = escape(dealershipName);
    return page("Unsubscribed",
        "<h1 role=\"status\">You are unsubscribed</h1>\n"
            + "<p>" + dealer + " will not email <strong>" + escape(maskedEmail) + "</strong> again.</p>");
  }

  static String notFound() {
    return page("Link not found",
        "<h1>This unsubscribe link is not valid</h1>\n"
            + "<p>Please use the link from the most recent email, or reply to that email to unsubscribe.</p>");
  }

  private static String page(String title, String body) {
    return "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        + "<meta name=\"robots\" content=\"noindex\">\n"
        + "<title>" + title + "</title>\n"
        + "<style>body{font-family:Arial,Helvetica,sans-serif;line-height:1.5;color:#1f2933;margin:0}"
        + "main{max-width:32rem;margin:3rem auto;padding:0 1rem}"
        + "button{font-size:1rem;padding:.6rem 1.4rem;border:0;border-radius:4px;background:#0b5cab;color:#fff;"
        + "cursor:pointer}button:focus{outline:3px solid #f5a623;outline-offset:2px}</style>\n"
        + "</head>\n<body>\n<main>\n" + body + "\n</main>\n</body>\n</html>\n";
  }

  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
