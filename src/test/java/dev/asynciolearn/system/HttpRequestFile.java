package dev.asynciolearn.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The requests of one {@code .http} file (the IntelliJ / VS Code REST Client format):
 * {@code @name = value} variables, {@code ###} between requests, a request line, headers,
 * a blank line, a body, and response handlers of the form {@code > {%
 * client.global.set("var", response.body.field); %}}. Comments may carry
 * {@code @expect <status>} (default: any 2xx) and {@code @anti-pattern} (blocks the event
 * loop on purpose).
 */
record HttpRequestFile(Path path, Map<String, String> variables, List<Request> requests) {

	private static final Pattern VARIABLE = Pattern.compile("^@(\\w+)\\s*=\\s*(.*)$");

	private static final Pattern REQUEST_LINE = Pattern.compile("^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\\s+(\\S+)");

	private static final Pattern EXPECT = Pattern.compile("@expect\\s+(\\d{3})");

	private static final Pattern CAPTURE = Pattern
		.compile("client\\.global\\.set\\(\"(\\w+)\",\\s*response\\.body\\.(\\w+)\\)");

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\w+)}}");

	static HttpRequestFile parse(Path path) throws IOException {
		Map<String, String> variables = new LinkedHashMap<>();
		List<Request> requests = new ArrayList<>();
		String title = null;
		List<String> block = new ArrayList<>();
		for (String line : Files.readAllLines(path)) {
			Matcher variable = VARIABLE.matcher(line.trim());
			if (line.startsWith("###")) {
				addRequest(requests, title, block);
				title = line.substring(3).trim();
				block = new ArrayList<>();
			}
			else if (variable.matches() && title == null) {
				variables.put(variable.group(1), variable.group(2).trim());
			}
			else {
				block.add(line);
			}
		}
		addRequest(requests, title, block);
		return new HttpRequestFile(path, variables, requests);
	}

	/**
	 * Replace {@code {{name}}} with the variable's value.
	 * @param text a URL, header or body
	 * @param variables the values known so far
	 * @return the text with its placeholders filled
	 */
	static String substitute(String text, Map<String, String> variables) {
		Matcher matcher = PLACEHOLDER.matcher(text);
		StringBuilder result = new StringBuilder();
		while (matcher.find()) {
			String value = variables.get(matcher.group(1));
			if (value == null) {
				throw new IllegalStateException("No value for {{" + matcher.group(1) + "}} in " + text);
			}
			matcher.appendReplacement(result, Matcher.quoteReplacement(value));
		}
		matcher.appendTail(result);
		return result.toString();
	}

	private static void addRequest(List<Request> requests, String title, List<String> lines) {
		if (title == null) {
			return;
		}
		Integer expect = null;
		boolean antiPattern = false;
		String method = null;
		String target = null;
		Map<String, String> headers = new LinkedHashMap<>();
		Map<String, String> captures = new LinkedHashMap<>();
		StringBuilder body = new StringBuilder();
		boolean inBody = false;
		for (String line : lines) {
			if (line.startsWith(">")) {
				Matcher capture = CAPTURE.matcher(line);
				while (capture.find()) {
					captures.put(capture.group(1), capture.group(2));
				}
				continue;
			}
			if (!inBody && (line.startsWith("#") || line.startsWith("//"))) {
				Matcher status = EXPECT.matcher(line);
				if (status.find()) {
					expect = Integer.valueOf(status.group(1));
				}
				antiPattern |= line.contains("@anti-pattern");
				continue;
			}
			if (method == null) {
				Matcher request = REQUEST_LINE.matcher(line.trim());
				if (request.find()) {
					method = request.group(1);
					target = request.group(2);
				}
				continue;
			}
			if (!inBody && line.isBlank()) {
				inBody = true;
				continue;
			}
			if (inBody) {
				body.append(line).append('\n');
			}
			else {
				int colon = line.indexOf(':');
				headers.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
			}
		}
		if (method == null) {
			throw new IllegalStateException("No request line under '### " + title + "'");
		}
		requests
			.add(new Request(title, method, target, headers, body.toString().strip(), expect, antiPattern, captures));
	}

	/**
	 * One request, with its placeholders still in place.
	 */
	record Request(String title, String method, String url, Map<String, String> headers, String body,
			Integer expectedStatus, boolean antiPattern, Map<String, String> captures) {

		@Override
		public String toString() {
			return this.method + " " + this.url;
		}

	}

}
