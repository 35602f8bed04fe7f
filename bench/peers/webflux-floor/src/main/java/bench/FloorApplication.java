package bench;

import java.time.Duration;

import reactor.core.publisher.Mono;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The floor: what the same pure-I/O endpoint costs with nothing else in the app.
 */
@SpringBootApplication
@RestController
public class FloorApplication {

	public static void main(String[] args) {
		SpringApplication.run(FloorApplication.class, args);
	}

	@GetMapping("/io")
	Mono<String> io(@RequestParam(defaultValue = "100") long delayMs) {
		return Mono.delay(Duration.ofMillis(delayMs)).thenReturn("{\"delayMs\":" + delayMs + "}");
	}

}
