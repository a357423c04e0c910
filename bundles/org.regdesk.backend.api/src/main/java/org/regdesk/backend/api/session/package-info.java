/** The registry connector's part every desk operation uses: operator sign-in and desk sessions. */
@Version("1.1.0")
package org.regdesk.backend.api.session;

import org.osgi.annotation.versioning.Version;
