package org.regdesk.server.otp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.regdesk.backend.api.PhoneNumber;
import org.regdesk.server.otp.SmsGateway;

import com.sun.net.httpserver.HttpServer;

/** Against a real HTTP server standing in for the SMS provider. */
class HttpSmsGatewayTest {

    private HttpServer provider;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private volatile int status = 200;

    @BeforeEach
    void startProvider() throws Exception {
        provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        provider.createContext("/send", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawQuery() + " " + body);
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        provider.start();
    }

    @AfterEach
    void stopProvider() {
        provider.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + provider.getAddress().getPort() + "/send?key=K1&to={to}&msg={text}";
    }

    @Test
    void getFillsTheTemplateUrlEncoded() throws Exception {
        new HttpSmsGateway(url(), "GET", Duration.ofSeconds(5)).send(new PhoneNumber("+905321234567"), "Kodunuz: 123456 ş");
        String request = URLDecoder.decode(received.get(0), StandardCharsets.UTF_8);
        assertTrue(request.startsWith("GET key=K1&to=+905321234567&msg=Kodunuz: 123456 ş"), request);
    }

    @Test
    void postSendsTheFieldsAsAForm() throws Exception {
        new HttpSmsGateway(url(), "POST", Duration.ofSeconds(5)).send(new PhoneNumber("+905321234567"), "123456");
        assertEquals("POST null key=K1&to=%2B905321234567&msg=123456", received.get(0));
    }

    @Test
    void aProviderErrorOrNoProviderIsAnSmsException() {
        status = 503;
        HttpSmsGateway gateway = new HttpSmsGateway(url(), "GET", Duration.ofSeconds(5));
        SmsGateway.SmsException refused = assertThrows(SmsGateway.SmsException.class,
                () -> gateway.send(new PhoneNumber("+905321234567"), "123456"));
        assertTrue(refused.getMessage().contains("503"));
        provider.stop(0);
        assertThrows(SmsGateway.SmsException.class, () -> gateway.send(new PhoneNumber("+905321234567"), "123456"));
    }

    @Test
    void aTemplateWithoutPlaceholdersIsRefusedAtStart() {
        assertThrows(IllegalArgumentException.class, () -> new HttpSmsGateway("https://sms.example/send", "GET", Duration.ofSeconds(1)));
    }
}
