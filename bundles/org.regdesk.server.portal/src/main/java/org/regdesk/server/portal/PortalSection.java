package org.regdesk.server.portal;

import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;
import org.regdesk.backend.api.Tckn;

/**
 * A page of the citizen portal that arrives with its own bundle (registered as an OSGi service): a tile
 * on the citizen's home page, its page at {@code /portal/<id>} for the signed-in citizen, and its forms
 * posted to {@code /portal/<id>/<action>}. The portal does the sign-in, the session, the CSRF check, the
 * frame, the language and the security headers; the section only writes its body and acts for the
 * citizen it is given.
 */
@ConsumerType
public interface PortalSection {

    /** The page's address segment: lower-case letters, digits and hyphens, e.g. {@code sertifikalarim}. */
    String id();

    /** The tile's and the page's title. */
    String title(boolean english);

    /**
     * The page's body for this citizen, as HTML; every text from outside goes through
     * {@link PortalHtml#escape(String)}. {@code forms} opens the page's forms with their CSRF token.
     */
    String render(Tckn citizen, boolean english, Forms forms);

    /**
     * A form of the page was posted for this citizen (the CSRF token is already checked). The answer is
     * shown once at the top of the page the citizen is sent back to.
     */
    Outcome act(Tckn citizen, String action, Map<String, String> form, boolean english);

    /**
     * The desk operation (its session purpose, e.g. {@code CERTIFICATE_STATUS}) the citizen may bring a
     * verification code from this page for, if any: the portal then adds the code to the page, with its
     * countdown, and says when a desk has used it. Getting one is the portal's form
     * {@code /portal/<id>/desk-code}, so a section's own action must have another name.
     */
    default Optional<String> deskOperation() {
        return Optional.empty();
    }

    /** What {@link #act} did, in the citizen's language; {@code done} false shows it as an error. */
    record Outcome(boolean done, String text) {
    }

    /** Opens a form that posts to this section's {@code action}, with the session's CSRF token. */
    @FunctionalInterface
    interface Forms {
        String open(String action);
    }
}
