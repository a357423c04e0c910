package org.regdesk.ui.desk.testing;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Shell;

/** PNGs of a shell as the X server shows it, into target/screenshots (the operator guide's pictures). */
public final class Screenshots {

    private static final Path DIRECTORY = Path.of("target", "screenshots");

    private Screenshots() {
    }

    public static void take(Shell shell, String name) throws Exception {
        shell.redraw();
        shell.update();
        RunningRegistry.pump(shell.getDisplay(), 300); // let GTK paint what changed
        Files.createDirectories(DIRECTORY);
        Rectangle bounds = shell.getDisplay().map(shell, null, shell.getClientArea());
        Image image = new Image(shell.getDisplay(), bounds.width, bounds.height);
        GC gc = new GC(shell.getDisplay());
        try {
            gc.copyArea(image, bounds.x, bounds.y);
            ImageLoader loader = new ImageLoader();
            loader.data = new ImageData[] { image.getImageData() };
            loader.save(DIRECTORY.resolve(name + ".png").toString(), SWT.IMAGE_PNG);
        } finally {
            gc.dispose();
            image.dispose();
        }
    }
}
