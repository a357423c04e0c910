package org.regdesk.server.http.internal;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty raises itself, before any route runs (an ambiguous or malformed URI, a NUL in the path),
 * answered like every other refusal: a JSON ApiError in Turkish and English, never Jetty's HTML page.
 */
final class JsonErrorHandler extends ErrorHandler {

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = request.getAttribute(ERROR_STATUS) instanceof Integer code ? code : response.getStatus();
        if (status < 400 || status > 599) {
            status = 500;
        }
        if (status >= 500) {
            JsonResponses.error(response, callback, status, "INTERNAL_ERROR", "Sunucuda beklenmeyen bir hata oluştu.");
        } else {
            JsonResponses.error(response, callback, status, "BAD_REQUEST",
                    "İstek anlaşılamadı (adres veya başlıklar geçersiz).");
        }
        return true;
    }
}
