package com.leadcadence.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.leadcadence.worker.plans.CadencePlanLoader;
import io.dropwizard.core.Configuration;
import io.dropwizard.db.DataSourceFactory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** Everything the process reads from YAML, validated at boot (a bad value stops the start). */
public class LeadCadenceConfiguration extends Configuration {

  @Valid @NotNull private DataSourceFactory database = defaultDatabase();

  @Valid @NotNull private EmbeddedDatabaseSettings embeddedDatabaseFallback = new EmbeddedDatabaseSettings();

  @Valid @NotNull private TemporalSettings temporal = new TemporalSettings();

  @NotBlank private String templatesDir = "config/templates";

  /** The cadence plan files (one plan per *.yml), relative to the working directory. */
  @NotBlank private String cadencesDir = CadencePlanLoader.DEFAULT_DIRECTORY;

  @Valid @NotNull private SendersSettings senders = new SendersSettings();

  @Valid @NotNull private DemoSettings demo = new DemoSettings();

  @Valid @NotNull private UnsubscribeSettings unsubscribe = new UnsubscribeSettings();

  @Valid @NotNull private AdminSettings admin = new AdminSettings();
  @Valid @NotNull private InboundEmailSettings inboundEmail = new InboundEmailSettings();
  @Valid @NotNull private WebhookSettings webhooks = new WebhookSettings();

  private static DataSourceFactory defaultDatabase() {
    DataSourceFactory factory = new DataSourceFactory();
    factory.setDriverClass("com.mysql.cj.jdbc.Driver");
    factory.setUrl("jdbc:mysql://127.0.0.1:3306/lead_cadence");
    factory.setUser("root");
    factory.setPassword("");
    return factory;
  }

  @JsonProperty("database")
  public DataSourceFactory getDatabase() {
    return database;
  }

  @JsonProperty("database")
  public void setDatabase(DataSourceFactory database) {
    this.database = database;
  }

  @JsonProperty("embeddedDatabaseFallback")
  public EmbeddedDatabaseSettings getEmbeddedDatabaseFallback() {
    return embeddedDatabaseFallback;
  }

  @JsonProperty("embeddedDatabaseFallback")
  public void setEmbeddedDatabaseFallback(EmbeddedDatabaseSettings embeddedDatabaseFallback) {
    this.embeddedDatabaseFallback = embeddedDatabaseFallback;
  }

  @JsonProperty("temporal")
  public TemporalSettings getTemporal() {
    return temporal;
  }

  @JsonProperty("temporal")
  public void setTemporal(TemporalSettings temporal) {
    this.temporal = temporal;
  }

  @JsonProperty("templatesDir")
  public String getTemplatesDir() {
    return templatesDir;
  }

  @JsonProperty("templatesDir")
  public void setTemplatesDir(String templatesDir) {
    this.templatesDir = templatesDir;
  }

  @JsonProperty("cadencesDir")
  public String getCadencesDir() {
    return cadencesDir;
  }

  @JsonProperty("cadencesDir")
  public void setCadencesDir(String cadencesDir) {
    this.cadencesDir = cadencesDir;
  }

  @JsonProperty("senders")
  public SendersSettings getSenders() {
    return senders;
  }

  @JsonProperty("senders")
  public void setSenders(SendersSettings senders) {
    this.senders = senders;
  }

  @JsonProperty("demo")
  public DemoSettings getDemo() {
    return demo;
  }

  @JsonProperty("demo")
  public void setDemo(DemoSettings demo) {
    this.demo = demo;
  }

  @JsonProperty("unsubscribe")
  public UnsubscribeSettings getUnsubscribe() {
    return unsubscribe;
  }

  @JsonProperty("unsubscribe")
  public void setUnsubscribe(UnsubscribeSettings unsubscribe) {
    this.unsubscribe = unsubscribe;
  }

  @JsonProperty("admin")
  public AdminSettings getAdmin() {
    return admin;
  }

  @JsonProperty("admin")
  public void setAdmin(AdminSettings admin) {
    this.admin = admin;
  }

  @JsonProperty("inboundEmail")
  public InboundEmailSettings getInboundEmail() {
    return inboundEmail;
  }

  @JsonProperty("inboundEmail")
  public void setInboundEmail(InboundEmailSettings inboundEmail) {
    this.inboundEmail = inboundEmail;
  }

  @JsonProperty("webhooks")
  public WebhookSettings getWebhooks() {
    return webhooks;
  }

  @JsonProperty("webhooks")
  public void setWebhooks(WebhookSettings webhooks) {
    this.webhooks = webhooks;
  }
}
