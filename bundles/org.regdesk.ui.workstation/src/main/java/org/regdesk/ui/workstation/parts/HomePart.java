package org.regdesk.ui.workstation.parts;

import java.util.Comparator;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.e4.core.commands.ECommandService;
import org.eclipse.e4.core.commands.EHandlerService;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.nls.Translation;
import org.eclipse.e4.ui.bindings.EBindingService;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.menu.MHandledMenuItem;
import org.eclipse.e4.ui.model.application.ui.menu.MMenu;
import org.eclipse.e4.ui.workbench.UIEvents;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.jface.bindings.TriggerSequence;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.osgi.service.event.Event;
import org.regdesk.backend.api.v1.OperatorSignedIn;
import org.regdesk.ui.desk.WidgetRoles;
import org.regdesk.ui.workstation.l10n.Messages;

/**
 * "Masa", the first thing an operator sees: every installed desk operation as a large button with its key.
 * The shell knows no operation: the buttons are the entries of the "İşlemler" menu that the operation
 * bundles' model fragments tagged {@value #OPERATION_TAG}, so label, tooltip, command and key come from one
 * place. A button is enabled when its command can run (an operator is signed in). Operation bundles bring
 * their fragment in their manifest ({@code Model-Fragment}): installed, started, stopped or removed while the
 * desk runs, their entries and keys come and go, and the buttons follow.
 */
public class HomePart {

    /** The tag an operation's menu entry carries to appear here. */
    public static final String OPERATION_TAG = "regdesk.operation";
    static final String OPERATIONS_MENU = "org.regdesk.ui.workstation.menu.operations";

    @Inject
    private MApplication application;
    @Inject
    private EModelService models;
    @Inject
    private ECommandService commands;
    @Inject
    private EHandlerService handlers;
    @Inject
    @Optional
    private EBindingService bindings;

    private Label title;
    private Label hint;
    private Composite buttons;
    private Messages messages;
    private OperatorSignedIn operator;
    private boolean rebuildQueued;

    @PostConstruct
    public void createControls(Composite parent) {
        GridLayoutFactory.swtDefaults().margins(24, 24).spacing(12, 16).applyTo(parent);
        title = WidgetRoles.tag(new Label(parent, SWT.NONE), "home.title");
        title.setFont(JFaceResources.getHeaderFont());
        hint = WidgetRoles.tag(new Label(parent, SWT.WRAP), "home.hint");
        GridDataFactory.fillDefaults().grab(true, false).hint(520, SWT.DEFAULT).applyTo(hint);
        buttons = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().spacing(12, 12).applyTo(buttons);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(buttons);
        rebuild();
    }

    @Inject
    public void translate(@Translation Messages translated) {
        messages = translated;
        rebuild();
    }

    @Inject
    public void operatorChanged(@Optional OperatorSignedIn signedIn) {
        operator = signedIn;
        rebuild();
    }

    /**
     * An operation arrived or left: its menu entry changed. Its key binding comes in the same fragment,
     * merged in the same pass, so the buttons are rebuilt after that pass (asyncExec), keys included.
     */
    @Inject
    @Optional
    public void modelChanged(@UIEventTopic(UIEvents.ElementContainer.TOPIC_CHILDREN) Event event) {
        boolean operations = event.getProperty(UIEvents.EventTags.ELEMENT) instanceof MMenu menu
                && OPERATIONS_MENU.equals(menu.getElementId());
        if (operations && buttons != null && !buttons.isDisposed() && !rebuildQueued) {
            rebuildQueued = true;
            buttons.getDisplay().asyncExec(() -> {
                rebuildQueued = false;
                rebuild();
            });
        }
    }

    /** The operations' menu entries, in menu order. */
    private List<MHandledMenuItem> operations() {
        // menus are not part of the model service's default search: look in the main menus
        List<MMenu> menus = models.findElements(application, OPERATIONS_MENU, MMenu.class, null, EModelService.IN_MAIN_MENU);
        if (menus.isEmpty()) {
            return List.of();
        }
        return menus.get(0).getChildren().stream().filter(MHandledMenuItem.class::isInstance).map(MHandledMenuItem.class::cast)
                .filter(item -> item.getTags().contains(OPERATION_TAG) && item.getCommand() != null).toList();
    }

    private void rebuild() {
        if (buttons == null || buttons.isDisposed() || messages == null) {
            return; // e4 injects before @PostConstruct; createControls builds
        }
        for (Control old : buttons.getChildren()) {
            old.dispose();
        }
        List<MHandledMenuItem> operations = operations();
        title.setText(messages.home_title);
        hint.setText(operations.isEmpty() ? messages.home_none : operator == null ? messages.home_signInFirst : "");
        // in the order of their keys (F2, F3, ...), so the desk looks the same whatever order bundles came in
        record Operation(MHandledMenuItem item, ParameterizedCommand command, String key) {
        }
        List<Operation> byKey = operations.stream().map(item -> {
            ParameterizedCommand command = commands.createCommand(item.getCommand().getElementId(), null);
            return new Operation(item, command, key(command));
        }).sorted(Comparator.comparing(Operation::key,
                Comparator.comparing(String::isEmpty).thenComparing(String::length).thenComparing(Comparator.naturalOrder())))
                .toList();
        for (Operation operation : byKey) {
            MHandledMenuItem item = operation.item();
            Button button = WidgetRoles.tag(new Button(buttons, SWT.PUSH), "home.operation." + item.getElementId());
            button.setText(item.getLocalizedLabel().replace("&", "").replace("...", "")
                    + (operation.key().isEmpty() ? "" : "   (" + operation.key() + ")"));
            button.setToolTipText(item.getLocalizedTooltip());
            button.setFont(JFaceResources.getBannerFont());
            button.setEnabled(handlers.canExecute(operation.command()));
            GridDataFactory.fillDefaults().hint(420, 56).applyTo(button);
            button.addListener(SWT.Selection, event -> handlers.executeHandler(operation.command()));
        }
        title.getParent().layout(true, true);
    }

    /** The key that runs {@code command} (e.g. F2), or empty. */
    private String key(ParameterizedCommand command) {
        TriggerSequence sequence = bindings == null ? null : bindings.getBestSequenceFor(command);
        return sequence == null ? "" : sequence.format();
    }

    @Focus
    public void setFocus() {
        Control[] operations = buttons.getChildren();
        if (operations.length > 0 && operations[0].isEnabled()) {
            operations[0].setFocus();
        } else {
            title.getParent().setFocus();
        }
    }
}
