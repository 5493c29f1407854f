package com.leadcadence.activities.providers.twilio;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.leadcadence.activities.notify.NotifierFixture;
import com.leadcadence.activities.senders.DryRunOutbox;
import com.leadcadence.activities.senders.DryRunSenders;
import com.leadcadence.store.rows.AgentNotify;
import com.leadcadence.store.rows.AgentRole;
import com.leadcadence.store.rows.AgentRow;
import com.leadcadence.store.rows.LeadRow;
import com.leadcadence.store.rows.TaskRow;
import com.leadcadence.store.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An agent's task text through the real Twilio SDK to a WireMock: the exact To, From and Body. */
class AgentSmsThroughTwilioTest {
  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static TestDatabase db;
  private static NotifierFixture fixture;

  @BeforeAll
  static void setUpDatabase() {
    db = TestDatabase.create();
    fixture = new NotifierFixture(db.jdbi());
  }

  @AfterAll
  static void dropDatabase() {
    db.close();
  }

  @Test
  void theAgentsTextGoesFromTheDealershipNumberToTheAgent() {
    TwilioStub.answerMessages(wm, aResponse().withStatus(201).withHeader("Content-Type", "application/json")
        .withBody("""
            {"sid": "SMagent0123456789abcdef0123456789", "account_sid": "%s", "status": "queued"}
            """.formatted(TwilioStub.ACCOUNT_SID)));
    TwilioSettings settings = TwilioStub.settings(wm, null, null);
    TwilioSmsSender twilio = new TwilioSmsSender(TwilioStub.client(settings), settings, TwilioStub.CALLBACKS);
    AgentRow agent = fixture.person("Sam Ortiz", AgentRole.AGENT, AgentNotify.SMS, "+13125550131", null);
    LeadRow lead = fixture.jane(agent.id());
    TaskRow task = fixture.callTask(lead, agent.id());

    fixture.notifier(DryRunSenders.all(new DryRunOutbox()).withSms(twilio)).taskAssigned(task, lead);

    wm.verify(1, postRequestedFor(urlEqualTo(TwilioStub.MESSAGES_PATH))
        .withFormParam("To", equalTo("+13125550131"))
        .withFormParam("From", equalTo(NotifierFixture.DEALER_NUMBER))
        .withFormParam("Body", equalTo("New CALL task (attempt 2): Jane D., 2024 Toyota Camry XSE, grade A. "
            + "Due 10:05 AM (in 5 min). Open " + NotifierFixture.AGENT_PAGE))
        // Nobody's touch: the status callback names no lead, so an agent's failed text blocks no lead's SMS.
        .withFormParam("StatusCallback",
            equalTo("https://leads.example-dealer.test/webhooks/twilio/status?leadId=0&touchId=0")));
  }
}
