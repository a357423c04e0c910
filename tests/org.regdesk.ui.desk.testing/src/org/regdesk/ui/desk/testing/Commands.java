package org.regdesk.ui.desk.testing;

import java.util.Map;

import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.e4.core.commands.ECommandService;
import org.eclipse.e4.core.commands.EHandlerService;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.model.application.MApplication;

/** Runs a command of the workstation's model the way its menu item does. */
public final class Commands {

    private Commands() {
    }

    public static void execute(MApplication application, String commandId, Map<String, Object> parameters) {
        IEclipseContext context = application.getContext();
        ParameterizedCommand command = context.get(ECommandService.class).createCommand(commandId, parameters);
        context.get(EHandlerService.class).executeHandler(command);
    }
}
