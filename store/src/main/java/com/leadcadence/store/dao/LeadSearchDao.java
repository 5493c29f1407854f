package com.leadcadence.store.dao;

import com.leadcadence.store.InstantArgumentFactory;
import com.leadcadence.store.rows.LeadRow;
import com.leadcadence.store.search.LeadSearchCriteria;
import com.leadcadence.store.search.LeadSearchSql;
import java.util.List;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.sqlobject.SqlObject;

/**
 * Lead search for CRMs: one keyset page of a dealership's leads. The statement's shape depends on
 * which filters are set, so it is built by {@link LeadSearchSql} rather than written out here.
 */
public interface LeadSearchDao extends SqlObject {

  /** Up to criteria.limit() rows in the criteria's order, strictly after its position. */
  default List<LeadRow> search(LeadSearchCriteria criteria) {
    LeadSearchSql sql = LeadSearchSql.of(criteria);
    return getHandle().createQuery(sql.text())
        .registerArgument(new InstantArgumentFactory())
        .bindMap(sql.bindings())
        .map(ConstructorMapper.of(LeadRow.class))
        .list();
  }
}
