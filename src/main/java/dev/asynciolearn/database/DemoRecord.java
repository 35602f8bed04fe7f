package dev.asynciolearn.database;

import java.time.OffsetDateTime;

/**
 * A row of {@code demo_record}.
 *
 * @param id its key
 * @param payload what was written
 * @param createdAt when PostgreSQL stored it
 */
record DemoRecord(long id, String payload, OffsetDateTime createdAt) {
}
