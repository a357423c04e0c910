/** The citizen portal and its identity-provider SPI. */
@Version("1.0.0")
package org.regdesk.server.portal;

import org.osgi.annotation.versioning.Version;
