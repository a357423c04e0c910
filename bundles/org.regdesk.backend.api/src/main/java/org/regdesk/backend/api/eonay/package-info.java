/** The registry connector's part for E-Onay. */
@Version("1.0.0")
package org.regdesk.backend.api.eonay;

import org.osgi.annotation.versioning.Version;
