package com.leadcadence.store.rows;

/** An agent with the number of tasks still to do (OPEN or OVERDUE) in their name: the cap's measure. */
public record AgentLoad(AgentRow agent, int openTasks) {}
