package com.leadcadence.store.rows;

/** A lead whose report facts may be out of date, with the version of its mark when it was read. */
public record DirtyLead(long leadId, long version) {}
