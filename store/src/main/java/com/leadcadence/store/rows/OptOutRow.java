package com.leadcadence.store.rows;

import com.leadcadence.workflows.model.OptOutChannel;
import java.time.Instant;

/** An opt_outs row; channel is SMS, EMAIL or CALL (ALL is stored as those three). */
public record OptOutRow(
    long id, long dealershipId, String address, OptOutChannel channel, String source, Instant createdAt) {}
