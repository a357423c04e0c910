@echo off
rem Starts the RegDesk registry server from this folder. Settings: etc\org.regdesk.server.http.cfg
setlocal
if not defined REGDESK_DEMO set "REGDESK_DEMO=false"
set "HOME_DIR=%~dp0"
call "%HOME_DIR%bin\find-java.cmd" || exit /b 1
for %%L in ("%HOME_DIR%plugins\org.eclipse.equinox.launcher_*.jar") do set "LAUNCHER=%%L"
if not defined LAUNCHER (echo RegDesk: Equinox launcher missing in %HOME_DIR%plugins 1>&2 & exit /b 1)
"%REGDESK_JAVA%" %REGDESK_SERVER_JVM_OPTIONS% "-Dregdesk.home=%HOME_DIR%." "-Dregdesk.server.data=%HOME_DIR%data" "-Dfelix.fileinstall.dir=%HOME_DIR%etc" "-Dregdesk.demo=%REGDESK_DEMO%" -jar "%LAUNCHER%" -install "%HOME_DIR%." -consoleLog %*
