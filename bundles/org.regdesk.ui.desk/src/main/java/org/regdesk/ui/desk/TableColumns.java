package org.regdesk.ui.desk;

import java.util.function.Function;

import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;

/** A text column for a table of {@code T} rows (readers, drivers, bundles). */
public final class TableColumns {

    private TableColumns() {
    }

    public static <T> TableViewerColumn add(TableViewer viewer, Class<T> rowType, int width, Function<T, String> text) {
        TableViewerColumn column = new TableViewerColumn(viewer, SWT.LEFT);
        column.getColumn().setWidth(width);
        column.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply(rowType.cast(element));
            }
        });
        return column;
    }
}
