package com.leadcadence.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The HTTP basic credentials SendGrid Inbound Parse sends (written into its destination URL as
 * {@code https://user:password@host/webhooks/sendgrid/inbound}): SendGrid signs no inbound post, so
 * these are what keeps strangers from posting leads. Either one blank: the route answers 401 to all.
 * dev.yml has development defaults; production.yml reads SENDGRID_INBOUND_USER/_PASSWORD only.
 */
public class InboundEmailSettings {
  private String user;
  private String password;

  @JsonProperty
  public String getUser() {
    return user;
  }

  @JsonProperty
  public void setUser(String user) {
    this.user = user;
  }

  @JsonProperty
  public String getPassword() {
    return password;
  }

  @JsonProperty
  public void setPassword(String password) {
    this.password = password;
  }
}
