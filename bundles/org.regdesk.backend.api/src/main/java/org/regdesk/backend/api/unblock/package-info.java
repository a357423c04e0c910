/** The registry connector's part for PIN creation / card unblock. */
@Version("1.0.0")
package org.regdesk.backend.api.unblock;

import org.osgi.annotation.versioning.Version;
