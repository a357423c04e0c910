package org.regdesk.server.http.internal;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Answers every request no other handler took with a JSON 404, never Jetty's HTML page. */
public final class NotFoundHandler extends Handler.Abstract.NonBlocking {

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        JsonResponses.error(response, callback, 404, "NOT_FOUND", "Bu adreste bir uç nokta yok.");
        return true;
    }
}
