package com.leadcadence.store;

import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;

/**
 * Binds an Instant as a 'yyyy-MM-dd HH:mm:ss.SSSSSS' literal in the JVM's zone, exactly as Connector/J
 * binds a Timestamp under its default connectionTimeZone=LOCAL, but keeping the fraction: MariaDB
 * announces itself as "5.5.5-10.x", and Connector/J drops fractional seconds for servers before 5.6.4.
 * Reads (getTimestamp) are unaffected, so values round-trip with their milliseconds on MySQL and MariaDB.
 */
public final class InstantArgumentFactory extends AbstractArgumentFactory<Instant> {
  private static final DateTimeFormatter LITERAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

  public InstantArgumentFactory() {
    super(Types.TIMESTAMP);
  }

  @Override
  protected Argument build(Instant value, ConfigRegistry config) {
    String literal = LocalDateTime.ofInstant(value, ZoneId.systemDefault()).format(LITERAL);
    return (position, statement, ctx) -> statement.setString(position, literal);
  }
}
