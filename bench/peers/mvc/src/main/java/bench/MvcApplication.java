package bench;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What most would write instead: the request's thread sleeps for the delay (Boot's defaults: 200 Tomcat threads).
 */
@SpringBootApplication
@RestController
public class MvcApplication {

	public static void main(String[] args) {
		SpringApplication.run(MvcApplication.class, args);
	}

	@GetMapping("/io")
	String io(@RequestParam(defaultValue = "100") long delayMs) throws InterruptedException {
		Thread.sleep(delayMs);
		return "{\"delayMs\":" + delayMs + "}";
	}

}
