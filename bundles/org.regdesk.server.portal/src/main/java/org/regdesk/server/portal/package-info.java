/** The citizen portal: its identity-provider SPI, and pages other bundles add ({@link PortalSection}). */
@Version("1.3.0")
package org.regdesk.server.portal;

import org.osgi.annotation.versioning.Version;
