package org.regdesk.ui.workstation.dialogs;

import java.util.Arrays;
import java.util.Comparator;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.regdesk.ui.desk.DeskFormats;
import org.regdesk.ui.desk.DeskMessages;
import org.regdesk.ui.desk.TableColumns;
import org.regdesk.ui.desk.WidgetRoles;
import org.regdesk.ui.workstation.l10n.Messages;

/**
 * Product version and every installed bundle with its version and state: what support asks for
 * first when a desk misbehaves.
 */
public class AboutDialog extends Dialog {

    private final Messages messages;
    private final DeskMessages desk;
    private final BundleContext bundleContext;

    public AboutDialog(Shell parent, Messages messages, DeskMessages desk, BundleContext bundleContext) {
        super(parent);
        this.messages = messages;
        this.desk = desk;
        this.bundleContext = bundleContext;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(messages.about_title);
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        Label intro = new Label(area, SWT.WRAP);
        intro.setText(DeskFormats.format(messages.about_intro, bundleContext.getBundle().getVersion()));

        TableViewer viewer = new TableViewer(area, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        viewer.getTable().setData(WidgetRoles.KEY, "about.bundles");
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        TableColumns.add(viewer, Bundle.class, 340, Bundle::getSymbolicName).getColumn().setText(messages.about_columnBundle);
        TableColumns.add(viewer, Bundle.class, 200, bundle -> bundle.getVersion().toString()).getColumn()
                .setText(messages.about_columnVersion);
        TableColumns.add(viewer, Bundle.class, 110, bundle -> desk.bundleState(bundle.getState())).getColumn()
                .setText(messages.about_columnState);
        viewer.setInput(Arrays.stream(bundleContext.getBundles())
                .sorted(Comparator.comparing(Bundle::getSymbolicName, Comparator.nullsFirst(String::compareTo)))
                .toArray());
        GridDataFactory.fillDefaults().grab(true, true).hint(680, 380).applyTo(viewer.getControl());
        return area;
    }


    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, IDialogConstants.OK_LABEL, true);
    }
}
