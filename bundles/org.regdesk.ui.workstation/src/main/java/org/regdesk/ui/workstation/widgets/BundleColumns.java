package org.regdesk.ui.workstation.widgets;

import java.util.function.Function;

import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.osgi.framework.Bundle;

/** Columns of tables that list OSGi bundles (drivers, About). */
public final class BundleColumns {

    private BundleColumns() {
    }

    public static TableViewerColumn add(TableViewer viewer, int width, Function<Bundle, String> text) {
        TableViewerColumn column = new TableViewerColumn(viewer, SWT.LEFT);
        column.getColumn().setWidth(width);
        column.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((Bundle) element);
            }
        });
        return column;
    }
}
