package org.regdesk.server.http.internal;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** A fixed path answered with JSON to GET only, before the routes (the server's own /health and /ready). */
abstract class FixedGetHandler extends Handler.Abstract.NonBlocking {

    private final String path;

    FixedGetHandler(String path) {
        this.path = path;
    }

    @Override
    public final boolean handle(Request request, Response response, Callback callback) {
        if (!path.equals(Request.getPathInContext(request))) {
            return false;
        }
        if (!JsonResponses.refusedUnlessGet(request, response, callback, path)) {
            answer(response, callback);
        }
        return true;
    }

    abstract void answer(Response response, Callback callback);
}
