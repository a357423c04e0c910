@echo off
rem Driver updates without the desk window (docs/DRIVER-UPDATES.md). Close the workstation first.
setlocal
set "HOME_DIR=%~dp0"
call "%HOME_DIR%bin\find-java.cmd" || exit /b 1
for %%L in ("%HOME_DIR%plugins\org.eclipse.equinox.launcher_*.jar") do set "LAUNCHER=%%L"
if not defined LAUNCHER (echo RegDesk: Equinox launcher missing in %HOME_DIR%plugins 1>&2 & exit /b 1)
"%REGDESK_JAVA%" %REGDESK_JVM_OPTIONS% "-Dregdesk.home=%HOME_DIR%." "-Dfelix.fileinstall.dir=%HOME_DIR%etc" -jar "%LAUNCHER%" -install "%HOME_DIR%." -application org.regdesk.updates.p2.drivers -nosplash %*
