package dev.asynciolearn.database;

import java.time.OffsetDateTime;
import java.util.List;

import dev.asynciolearn.timeline.Concept;
import dev.asynciolearn.timeline.Event;
import dev.asynciolearn.timeline.Report;
import dev.asynciolearn.timeline.Timeline;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * {@code await table_ready.wait()} before every use of the table: a write sent while the
 * start-up job has not created it yet waits (no thread held) and lands once the gate
 * opens, instead of failing with "relation does not exist".
 * <p>
 * The difference that matters: every wait here is bounded (503 with {@code Retry-After}
 * past the limit), where a bare {@code event.wait()} would wait forever.
 */
@Service
class RecordService {

	static final Concept CREATE = new Concept("Event: write once the table exists",
			"await table_ready.wait(); await conn.execute('INSERT INTO demo_record ...')",
			"gate.await().then(client.sql(\"INSERT ... RETURNING *\").map(...).one())");

	static final Concept LIST = new Concept("Event: read once the table exists",
			"await table_ready.wait(); rows = await conn.fetch('SELECT ... LIMIT $1')",
			"gate.await().thenMany(client.sql(\"SELECT ... LIMIT $1\").map(...).all()).collectList()");

	private static final String COLUMNS = "id, payload, created_at";

	private final LimitedDatabase database;

	private final TableGate gate;

	RecordService(LimitedDatabase database, TableGate gate) {
		this.database = database;
		this.gate = gate;
	}

	Mono<Report<DemoRecord>> create(NewRecord record) {
		return Timeline.request(CREATE,
				(timeline) -> awaitGate(timeline).then(this.database.client()
					.sql("INSERT INTO " + TableInitializer.TABLE + " (payload) VALUES ($1) RETURNING " + COLUMNS)
					.bind(0, record.payload())
					.map(RecordService::toRecord)
					.one()
					.transform(timeline.task("insert", Event.START, Event.DONE))));
	}

	Mono<Report<Records>> list(RecordsQuery query) {
		return Timeline.request(
				LIST, (
						timeline) -> awaitGate(timeline)
							.then(this.database.client()
								.sql("SELECT " + COLUMNS + " FROM " + TableInitializer.TABLE
										+ " ORDER BY id DESC LIMIT $1")
								.bind(0, query.limit())
								.map(RecordService::toRecord)
								.all()
								.collectList()
								.transform(timeline.task("select", Event.START, Event.DONE)))
							.map((rows) -> new Records(rows.size(), rows)));
	}

	private Mono<Void> awaitGate(Timeline timeline) {
		return this.gate.await().transform(timeline.task("gate", Event.WAIT, Event.RESUME));
	}

	private static DemoRecord toRecord(Readable row) {
		return new DemoRecord(row.get("id", Long.class), row.get("payload", String.class),
				row.get("created_at", OffsetDateTime.class));
	}

	/**
	 * The newest rows.
	 *
	 * @param count how many came back
	 * @param records the rows, newest first
	 */
	record Records(int count, List<DemoRecord> records) {
	}

}
