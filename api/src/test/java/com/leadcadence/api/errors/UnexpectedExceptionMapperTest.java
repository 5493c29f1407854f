package com.leadcadence.api.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.leadcadence.store.reports.ReportFactsBusyException;
import jakarta.ws.rs.core.Response;
import java.sql.SQLTransientConnectionException;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.Test;

class UnexpectedExceptionMapperTest {
  private final UnexpectedExceptionMapper mapper = new UnexpectedExceptionMapper();

  @Test
  void aBusyOrUnreachableDatabaseIsA503WithRetryAfterAndABugIsA500() {
    Response busy = mapper.toResponse(new ReportFactsBusyException("report facts: no lock within 30 s"));
    assertEquals(503, busy.getStatus());
    assertEquals("5", busy.getHeaderString("Retry-After"));

    Response unreachable = mapper.toResponse(
        new UnableToExecuteStatementException(new SQLTransientConnectionException("connection refused"), null));
    assertEquals(503, unreachable.getStatus());

    Response bug = mapper.toResponse(new IllegalStateException("a bug"));
    assertEquals(500, bug.getStatus());
    assertEquals(null, bug.getHeaderString("Retry-After"));
  }
}
