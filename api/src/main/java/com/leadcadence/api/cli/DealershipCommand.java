package com.leadcadence.api.cli;

import com.codahale.metrics.MetricRegistry;
import com.leadcadence.api.LeadCadenceConfiguration;
import com.leadcadence.api.admin.DealershipBody;
import com.leadcadence.api.admin.DealershipCreated;
import com.leadcadence.api.admin.DealershipOnboarding;
import com.leadcadence.api.errors.ApiException;
import com.leadcadence.api.representations.ErrorResponse.FieldError;
import com.leadcadence.api.startup.DatabaseStartup;
import com.leadcadence.api.startup.UnsetVariables;
import com.leadcadence.store.SharedDaos;
import com.leadcadence.store.StoreJdbi;
import com.leadcadence.store.dao.DealershipDao;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.db.ManagedDataSource;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import net.sourceforge.argparse4j.impl.Arguments;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code dealership create --name ... config.yml}: onboards a dealership for an operator without HTTP
 * access to the admin API, through the same service and checks as {@code POST /v1/admin/dealerships},
 * and prints its id and first API key (shown once). Migrates the database first, as {@code db migrate}.
 */
public class DealershipCommand extends ConfiguredCommand<LeadCadenceConfiguration> {
  /** Each option and the API field it fills (error messages name both). */
  private static final Map<String, String> OPTIONS = Map.ofEntries(
      Map.entry("name", "--name"),
      Map.entry("timezone", "--timezone"),
      Map.entry("businessHours", "--business-hours"),
      Map.entry("holidays", "--holidays"),
      Map.entry("senderName", "--sender-name"),
      Map.entry("senderEmail", "--sender-email"),
      Map.entry("senderPhone", "--sender-phone"),
      Map.entry("messagingServiceSid", "--messaging-service-sid"),
      Map.entry("webFormCapturesConsent", "--web-form-captures-consent"),
      Map.entry("firstPartySources", "--first-party-sources"),
      Map.entry("inboundEmail", "--inbound-email"));

  private final PrintStream out;

  public DealershipCommand(PrintStream out) {
    super("dealership", "Onboard a dealership: create (prints its id and first API key)");
    this.out = out;
  }

  @Override
  protected Class<LeadCadenceConfiguration> getConfigurationClass() {
    return LeadCadenceConfiguration.class;
  }

  @Override
  public void configure(Subparser subparser) {
    subparser.addArgument("action").choices("create").help("create: a new dealership and its first API key");
    subparser.addArgument("--name").dest("name").help("the dealership's name (required)");
    subparser.addArgument("--timezone").dest("timezone").help("IANA zone, e.g. America/Chicago (required)");
    subparser.addArgument("--business-hours").dest("businessHours")
        .help("e.g. 'MON-FRI 09:00-20:00; SAT 10:00-16:00' (required)");
    subparser.addArgument("--holidays").dest("holidays")
        .help("closed days separated by ';', e.g. '12-25; 2026-12-24; last MON of MAY; 4th THU of NOV'");
    subparser.addArgument("--sender-name").dest("senderName").help("name on emails (default: --name)");
    subparser.addArgument("--sender-email").dest("senderEmail").help("verified SendGrid sender (required)");
    subparser.addArgument("--sender-phone").dest("senderPhone").help("Twilio number texts come from");
    subparser.addArgument("--messaging-service-sid").dest("messagingServiceSid")
        .help("Twilio Messaging Service (MG...), wins over --sender-phone");
    subparser.addArgument("--web-form-captures-consent").dest("webFormCapturesConsent")
        .action(Arguments.storeTrue()).help("the dealership's own web form captures SMS/voice consent");
    subparser.addArgument("--first-party-sources").dest("firstPartySources")
        .help("comma-separated lead sources that are the dealership's own (default: website)");
    subparser.addArgument("--inbound-email").dest("inboundEmail")
        .help("address SendGrid Inbound Parse receives this dealership's e-mailed leads at");
    super.configure(subparser);
  }

  @Override
  protected void run(Bootstrap<LeadCadenceConfiguration> bootstrap, Namespace namespace,
      LeadCadenceConfiguration config) throws Exception {
    UnsetVariables.check(config);
    DatabaseStartup.PreparedDatabase database = DatabaseStartup.prepare(config, new MetricRegistry());
    ManagedDataSource dataSource = config.getDatabase().build(new MetricRegistry(), "dealership-command");
    try {
      Jdbi jdbi = StoreJdbi.configure(Jdbi.create(dataSource));
      DealershipCreated created =
          new DealershipOnboarding(SharedDaos.onDemand(jdbi, DealershipDao.class)).create(body(namespace));
      out.println("Dealership " + created.dealership().id() + " '" + created.dealership().name() + "' created.");
      out.println("id: " + created.dealership().id());
      out.println("apiKeyId: " + created.apiKeyId());
      out.println("apiKey: " + created.apiKey());
      out.println("The key is shown this once: give it to the dealership's CRM now (Authorization: Bearer <key>).");
    } finally {
      dataSource.stop();
      database.embedded().ifPresent(embedded -> embedded.stop());
    }
  }

  static DealershipBody body(Namespace n) {
    return new DealershipBody(n.getString("name"), n.getString("timezone"), n.getString("businessHours"),
        split(n.getString("holidays"), ";"), n.getString("senderName"), n.getString("senderEmail"),
        n.getString("senderPhone"), n.getString("messagingServiceSid"), n.getBoolean("webFormCapturesConsent"),
        split(n.getString("firstPartySources"), ","), n.getString("inboundEmail"));
  }

  private static List<String> split(String text, String separator) {
    return text == null ? null
        : Arrays.stream(text.split(separator)).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  @Override
  public void onError(Cli cli, Namespace namespace, Throwable e) {
    if (e instanceof ApiException invalid) {
      for (FieldError error : invalid.body().errors()) {
        cli.getStdErr().println("error: " + OPTIONS.getOrDefault(error.field(), error.field()) + " "
            + error.message());
      }
      cli.getStdErr().println("Nothing was written.");
      return;
    }
    StartupFailures.report(cli, e);
  }
}
