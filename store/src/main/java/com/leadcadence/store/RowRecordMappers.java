package com.leadcadence.store;

import com.leadcadence.store.rows.AgentRow;
import com.leadcadence.store.rows.ApiKeyRow;
import com.leadcadence.store.rows.DealershipRow;
import com.leadcadence.store.rows.EventSubject;
import com.leadcadence.store.rows.LeadEventRow;
import com.leadcadence.store.rows.LeadRow;
import com.leadcadence.store.rows.OptOutRow;
import com.leadcadence.store.rows.OutcomeRow;
import com.leadcadence.store.rows.ProviderEventRow;
import com.leadcadence.store.rows.TaskEventRow;
import com.leadcadence.store.rows.TaskRow;
import com.leadcadence.store.rows.TouchClaim;
import com.leadcadence.store.rows.TouchRow;
import com.leadcadence.store.rows.WebhookDeliveryRow;
import com.leadcadence.store.rows.WebhookSubscriptionRow;
import java.lang.reflect.Type;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.RowMapperFactory;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Row mappers for the store's row records: JDBI's ConstructorMapper, whose per-query work (matching
 * columns to constructor parameters by reflection, looking up each column's mapper) is done once per
 * record and column list instead of for every result set. The benchmark's profile showed that work in
 * every query. A DAO registers it with {@code @RegisterRowMapperFactory(RowRecordMappers.class)}; the
 * mappers are shared by every instance, since what a specialisation resolves (JDBI's built-in column
 * mappers for the records' types) is the same for every Jdbi the store is used with.
 */
public final class RowRecordMappers implements RowMapperFactory {
  static final List<Class<?>> ROWS = List.of(DealershipRow.class, AgentRow.class, LeadRow.class, TouchRow.class,
      TouchClaim.class, TaskRow.class, TaskEventRow.class, OutcomeRow.class, OptOutRow.class, ProviderEventRow.class,
      ApiKeyRow.class, LeadEventRow.class, WebhookSubscriptionRow.class, WebhookDeliveryRow.class, EventSubject.class);

  private static final Map<Type, RowMapper<?>> MAPPERS = ROWS.stream()
      .collect(Collectors.toUnmodifiableMap(Function.identity(), SpecialisedOnce::of));

  @Override
  public Optional<RowMapper<?>> build(Type type, ConfigRegistry config) {
    return Optional.ofNullable(MAPPERS.get(type));
  }

  /** ConstructorMapper specialised once per column list (a query's shape), then reused. */
  private static final class SpecialisedOnce<T> implements RowMapper<T> {
    private final RowMapper<T> constructor;
    private final Map<List<String>, RowMapper<T>> byColumns = new ConcurrentHashMap<>();

    private SpecialisedOnce(RowMapper<T> constructor) {
      this.constructor = constructor;
    }

    static <T> SpecialisedOnce<T> of(Class<T> type) {
      return new SpecialisedOnce<>(ConstructorMapper.of(type));
    }

    @Override
    public T map(ResultSet rs, StatementContext ctx) throws SQLException {
      return specialize(rs, ctx).map(rs, ctx);
    }

    @Override
    public RowMapper<T> specialize(ResultSet rs, StatementContext ctx) throws SQLException {
      List<String> columns = labels(rs.getMetaData());
      RowMapper<T> mapper = byColumns.get(columns);
      if (mapper == null) {
        mapper = constructor.specialize(rs, ctx);
        byColumns.putIfAbsent(columns, mapper);
      }
      return mapper;
    }

    private static List<String> labels(ResultSetMetaData metaData) throws SQLException {
      String[] labels = new String[metaData.getColumnCount()];
      for (int i = 0; i < labels.length; i++) {
        labels[i] = metaData.getColumnLabel(i + 1);
      }
      return Arrays.asList(labels);
    }
  }
}
