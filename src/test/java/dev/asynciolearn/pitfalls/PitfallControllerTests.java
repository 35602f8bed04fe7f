package dev.asynciolearn.pitfalls;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;

import static dev.asynciolearn.system.ProblemAssertions.expectProblem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

@WebFluxTest(PitfallController.class)
class PitfallControllerTests {

	@Autowired
	private WebTestClient client;

	@MockitoBean
	private BlockInChainService blockInChain;

	@MockitoBean
	private BackpressureService backpressure;

	@MockitoBean
	private ErrorContinueService errorContinue;

	@MockitoBean
	private LostErrorService lostError;

	@MockitoBean
	private EagerLazyService eagerLazy;

	@MockitoBean
	private SchedulerHopService schedulerHop;

	@MockitoBean
	private CancelCleanupService cancelCleanup;

	@MockitoBean
	private ContextHopService contextHop;

	@ParameterizedTest
	@ValueSource(strings = { "block-in-chain", "eager-lazy", "scheduler-hop", "cancel-cleanup", "context-hop",
			"backpressure", "error-continue", "lost-error" })
	void aVariantIsBrokenOrFixed(String lab) {
		expectProblem(this.client, "/api/pitfalls/" + lab + "?variant=SOMETIMES", "variant", "BROKEN, FIXED");
		verifyNoInteractions(this.blockInChain, this.eagerLazy, this.schedulerHop, this.cancelCleanup, this.contextHop,
				this.backpressure, this.errorContinue, this.lostError);
	}

	@Test
	void theBrokenVariantIsTheDefault() {
		given(this.eagerLazy.run(any())).willReturn(reactor.core.publisher.Mono.empty());
		this.client.get().uri("/api/pitfalls/eager-lazy").exchange().expectStatus().isOk().expectBody();
		verify(this.eagerLazy).run(new LabRequest(Variant.BROKEN));
	}

}
