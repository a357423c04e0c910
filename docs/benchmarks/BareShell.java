import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;

/** The startup baseline: the least an SWT program must do to show a window with some text. */
public class BareShell {
    public static void main(String[] args) {
        Display display = new Display();
        Shell shell = new Shell(display);
        shell.setText("RegDesk baseline");
        shell.setLayout(new FillLayout());
        new Label(shell, SWT.NONE).setText("Bare SWT shell");
        shell.setSize(1100, 720);
        shell.open();
        while (!shell.isDisposed()) {
            if (!display.readAndDispatch()) {
                display.sleep();
            }
        }
        display.dispose();
    }
}
