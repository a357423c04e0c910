package org.regdesk.backend.tests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;

/**
 * Checks every exchange the test server serves against docs/api/openapi.yaml with a maintained OpenAPI
 * validator (Atlassian swagger-request-validator): the request as the spec describes requests, and the
 * response, body included, as the spec describes that status. The request rules count when the server
 * took the request (2xx): a request the description forbids must be refused. (A 303 of the portal is
 * also its answer to a visitor who is not signed in, whatever was sent.) A body on a GET is ignored by
 * the server and not described. Bad input that was
 * refused is what the contract and fuzz tests send on purpose; the refusal itself must be documented.
 */
final class OpenApiCheck extends Handler.Wrapper {

    /** From the module (tests) or the checkout (the benchmarks run by exec:java from the root). */
    static final Path SPEC = java.util.stream.Stream.of("docs/api/openapi.yaml", "../../docs/api/openapi.yaml")
            .map(path -> Path.of(path).toAbsolutePath().normalize()).filter(java.nio.file.Files::exists).findFirst()
            .orElseThrow(() -> new IllegalStateException("docs/api/openapi.yaml not found from " + Path.of("").toAbsolutePath()));

    private static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator
            .createForSpecificationUrl(SPEC.toUri().toString())
            // the operator token is the server's to check; bodies of routes that take none are ignored by the routes
            .withLevelResolver(com.atlassian.oai.validator.report.LevelResolver.create()
                    .withLevel("validation.request.security", ValidationReport.Level.IGNORE)
                    .withLevel("validation.request.body.unexpected", ValidationReport.Level.IGNORE)
                    .build())
            .build();

    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final AtomicInteger checked = new AtomicInteger();
    private volatile boolean off;

    OpenApiCheck(Handler routes) {
        super(routes);
    }

    /** No checks from now on: a benchmark measures the server, not the validator. */
    void off() {
        off = true;
    }

    /** How many exchanges were checked, and what did not match, one line each. */
    int checked() {
        return checked.get();
    }

    List<String> violations() {
        return List.copyOf(violations);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (off) {
            return super.handle(request, response, callback);
        }
        byte[] body;
        try (InputStream in = Request.asInputStream(request)) {
            body = in.readAllBytes();
        } catch (IOException e) {
            body = new byte[0];
        }
        byte[] requestBody = body;
        // checked before the last bytes go out, so a client that has the answer knows it was checked
        Recording recording = new Recording(response, answer -> check(request, requestBody, answer));
        return super.handle(new Replay(request, body), recording, Callback.from(() -> {
            recording.checkOnce();
            callback.succeeded();
        }, callback::failed));
    }

    private void check(Request request, byte[] body, Recording response) {
        String path = Request.getPathInContext(request);
        SimpleRequest.Builder exchange = new SimpleRequest.Builder(request.getMethod(), path);
        for (HttpField header : request.getHeaders()) {
            exchange.withHeader(header.getName(), header.getValue());
        }
        Fields query = Request.extractQueryParameters(request);
        for (Fields.Field field : query) {
            exchange.withQueryParam(field.getName(), field.getValues());
        }
        if (body.length > 0) {
            exchange.withBody(new String(body, StandardCharsets.UTF_8));
        }
        SimpleResponse.Builder answer = SimpleResponse.Builder.status(response.getStatus());
        String contentType = response.getHeaders().get("Content-Type");
        if (contentType != null) {
            answer.withContentType(contentType);
        }
        if (response.body.size() > 0) {
            answer.withBody(response.body.toString(StandardCharsets.UTF_8));
        }
        ValidationReport report = VALIDATOR.validate(exchange.build(), answer.build());
        checked.incrementAndGet();
        List<ValidationReport.Message> problems = report.getMessages().stream()
                .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                .filter(message -> response.getStatus() / 100 == 2 || !message.getKey().startsWith("validation.request"))
                .toList();
        if (!problems.isEmpty()) {
            violations.add(request.getMethod() + " " + path + " -> " + response.getStatus() + ": " + problems.stream()
                    .map(message -> message.getKey() + " " + message.getMessage()).collect(Collectors.joining("; ")));
        }
    }

    /** The request with its body read once and handed on as it came. */
    private static final class Replay extends Request.Wrapper {

        private ByteBuffer rest;

        Replay(Request request, byte[] body) {
            super(request);
            this.rest = ByteBuffer.wrap(body);
        }

        @Override
        public Content.Chunk read() {
            if (rest == null) {
                return Content.Chunk.EOF;
            }
            ByteBuffer chunk = rest;
            rest = null;
            return Content.Chunk.from(chunk, true);
        }

        @Override
        public void demand(Runnable demandCallback) {
            demandCallback.run();
        }
    }

    /** The response, with a copy of what was written; checked once, at the last write or at the end. */
    private static final class Recording extends Response.Wrapper {

        final ByteArrayOutputStream body = new ByteArrayOutputStream();
        private final java.util.function.Consumer<Recording> check;
        private boolean checked;

        Recording(Response response, java.util.function.Consumer<Recording> check) {
            super(response.getRequest(), response);
            this.check = check;
        }

        @Override
        public void write(boolean last, ByteBuffer content, Callback callback) {
            if (content != null && content.hasRemaining()) {
                body.writeBytes(BufferUtil.toArray(content.slice()));
            }
            if (last) {
                checkOnce();
            }
            super.write(last, content, callback);
        }

        synchronized void checkOnce() {
            if (!checked) {
                checked = true;
                check.accept(this);
            }
        }
    }
}
