package com.leadcadence.api.webhooks;

import com.twilio.twiml.MessagingResponse;
import com.twilio.twiml.messaging.Body;
import com.twilio.twiml.messaging.Message;
import jakarta.ws.rs.core.Response;

/** TwiML answers to Twilio's webhooks, built with the SDK so that text is escaped as XML. */
final class Twiml {
  static final String XML = "application/xml";

  private Twiml() {}

  /** Nothing to say or do. */
  static Response empty() {
    return Response.ok(new MessagingResponse.Builder().build().toXml(), XML).build();
  }

  /** A text back to the sender. */
  static Response message(String text) {
    MessagingResponse response = new MessagingResponse.Builder()
        .message(new Message.Builder().body(new Body.Builder(text).build()).build())
        .build();
    return Response.ok(response.toXml(), XML).build();
  }
}
