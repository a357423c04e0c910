package org.regdesk.server.otp.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

import org.regdesk.backend.api.PhoneNumber;
import org.regdesk.server.otp.SmsGateway;

/**
 * Hands messages to an SMS provider's HTTP API, configured by a URL template: {@code {to}} and {@code {text}}
 * are replaced, URL-encoded (e.g. {@code https://sms.example/send?key=K&to={to}&msg={text}}). With
 * {@code POST}, the same fields go as a form body to the URL with the placeholders removed from the query.
 * Any 2xx answer is success; the message text (which holds the code) is never logged.
 */
public final class HttpSmsGateway implements SmsGateway {

    private final String template;
    private final String method;
    private final HttpClient client;
    private final Duration timeout;

    public HttpSmsGateway(String template, String method, Duration timeout) {
        this.template = Objects.requireNonNull(template, "template");
        this.method = method.toUpperCase(java.util.Locale.ROOT);
        if (!template.startsWith("https://") && !template.startsWith("http://")) {
            throw new IllegalArgumentException("sms.url.template must be an http(s) URL");
        }
        if (!template.contains("{to}") || !template.contains("{text}")) {
            throw new IllegalArgumentException("sms.url.template must contain {to} and {text}");
        }
        if (!this.method.equals("GET") && !this.method.equals("POST")) {
            throw new IllegalArgumentException("sms.method must be GET or POST");
        }
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public void send(PhoneNumber to, String text) throws SmsException {
        String filled = template.replace("{to}", encode(to.e164())).replace("{text}", encode(text));
        HttpRequest.Builder request = HttpRequest.newBuilder().timeout(timeout);
        if (method.equals("GET")) {
            request.uri(URI.create(filled)).GET();
        } else {
            URI uri = URI.create(filled);
            request.uri(URI.create(filled.substring(0, filled.length() - (uri.getRawQuery() == null ? 0 : uri.getRawQuery().length() + 1))))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(uri.getRawQuery() == null ? "" : uri.getRawQuery()));
        }
        HttpResponse<Void> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new SmsException("SMS provider unreachable: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SmsException("interrupted while sending the SMS", e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new SmsException("SMS provider answered HTTP " + response.statusCode(), null);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
