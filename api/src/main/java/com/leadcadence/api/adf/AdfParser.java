package com.leadcadence.api.adf;

import com.ctc.wstx.api.WstxInputProperties;
import com.ctc.wstx.stax.WstxInputFactory;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.dataformat.xml.XmlFactory;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads an ADF document safely: Woodstox with DTD support and external entities off, small structural
 * limits, and a first pass over the raw events that refuses any DOCTYPE (so no entity is ever declared,
 * let alone expanded: XXE and "billion laughs" end at their first line) before Jackson binds the
 * document. Documents are capped at {@link #MAX_BYTES}.
 */
public final class AdfParser {
  /** The size limit of one ADF document (the HTTP route's body limit is the same). */
  public static final int MAX_BYTES = 64 * 1024;
  private static final int MAX_DEPTH = 32;
  /** The record component that receives an element's text when the element has attributes too. */
  static final String TEXT = "value";

  private final XMLInputFactory factory = hardenedFactory();
  private final XmlMapper mapper = XmlMapper.builder(XmlFactory.builder().xmlInputFactory(factory).build())
      .defaultUseWrapper(false)
      // The text of an element that also has attributes (<name part="first">Jane</name>) is "value".
      .nameForTextElement(TEXT)
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
      .configure(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES, true)
      .build();

  /** @throws AdfRejection 400 (not XML, DOCTYPE, not ADF), 413 (too large) */
  public AdfDocument parse(byte[] xml) {
    if (xml.length > MAX_BYTES) {
      throw tooLarge();
    }
    checkStructure(() -> factory.createXMLStreamReader(new ByteArrayInputStream(xml)));
    try {
      return bound(mapper.readValue(xml, AdfDocument.class));
    } catch (IOException e) {
      throw unreadable(e);
    }
  }

  /** The same for a document already decoded (found in an e-mail's body). */
  public AdfDocument parse(String xml) {
    if (xml.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      throw tooLarge();
    }
    checkStructure(() -> factory.createXMLStreamReader(new StringReader(xml)));
    try {
      return bound(mapper.readValue(xml, AdfDocument.class));
    } catch (IOException e) {
      throw unreadable(e);
    }
  }

  private interface ReaderSource {
    XMLStreamReader open() throws XMLStreamException;
  }

  /** Walks every event once: well-formed, no DOCTYPE, no entity reference, root element {@code <adf>}. */
  private static void checkStructure(ReaderSource source) {
    XMLStreamReader reader = null;
    try {
      reader = source.open();
      boolean rootSeen = false;
      while (reader.hasNext()) {
        int event = reader.next();
        if (event == XMLStreamConstants.DTD) {
          throw AdfRejection.notReadable(null,
              "a DOCTYPE is not accepted in an ADF document (no DTDs or entities); remove it");
        }
        if (event == XMLStreamConstants.ENTITY_REFERENCE) {
          throw AdfRejection.notReadable(null, "entity references are not accepted in an ADF document");
        }
        if (event == XMLStreamConstants.START_ELEMENT && !rootSeen) {
          rootSeen = true;
          if (!"adf".equals(reader.getLocalName().toLowerCase(Locale.ROOT))) {
            throw AdfRejection.notReadable(reader.getLocalName(),
                "the root element must be <adf> (ADF 1.0), not <" + reader.getLocalName() + ">");
          }
        }
      }
      if (!rootSeen) {
        throw AdfRejection.notReadable(null, "the body holds no XML element; an <adf> document is expected");
      }
    } catch (XMLStreamException e) {
      throw AdfRejection.notReadable(null, "not well-formed XML" + where(e.getLocation()) + ": " + firstLine(e));
    } finally {
      close(reader);
    }
  }

  private static AdfDocument bound(AdfDocument document) {
    return document == null ? new AdfDocument(null) : document;
  }

  private static AdfRejection unreadable(IOException e) {
    String message = e instanceof JacksonException j ? j.getOriginalMessage() : e.getMessage();
    return AdfRejection.notReadable(null, "the ADF document cannot be read: " + firstLine(message));
  }

  private static AdfRejection tooLarge() {
    return new AdfRejection(413, null, "an ADF document may be at most " + MAX_BYTES + " bytes");
  }

  private static String where(Location location) {
    return location == null ? "" : " at line " + location.getLineNumber() + ", column " + location.getColumnNumber();
  }

  private static String firstLine(Exception e) {
    String message = e instanceof XMLStreamException x && x.getNestedException() != null
        ? x.getNestedException().getMessage() : e.getMessage();
    return firstLine(message);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    // Woodstox appends " at [row,col {unknown-source}]: [1,5]"; the location is given separately.
    String line = message.strip().split("\\R", 2)[0];
    int at = line.indexOf(" at [row,col");
    return at > 0 ? line.substring(0, at) : line;
  }

  private static void close(XMLStreamReader reader) {
    if (reader != null) {
      try {
        reader.close();
      } catch (XMLStreamException ignored) {
        // nothing is held open: the input is in memory
      }
    }
  }

  /** No DTD processing, no external anything, and bounds on depth, attributes and text size. */
  private static XMLInputFactory hardenedFactory() {
    XMLInputFactory factory = new WstxInputFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    factory.setXMLResolver((publicId, systemId, base, namespace) -> {
      throw new XMLStreamException("external resources are not loaded (" + systemId + ")");
    });
    factory.setProperty(WstxInputProperties.P_MAX_ELEMENT_DEPTH, MAX_DEPTH);
    factory.setProperty(WstxInputProperties.P_MAX_ATTRIBUTES_PER_ELEMENT, 32);
    factory.setProperty(WstxInputProperties.P_MAX_TEXT_LENGTH, MAX_BYTES);
    return factory;
  }
}
