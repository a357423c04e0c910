@echo off
rem Starts the RegDesk registry server from this folder; "regdesk-server check-config" prints what a production
rem start would refuse. Production unless REGDESK_DEMO=true or REGDESK_MODE=development; settings in etc\*.cfg
rem (secrets in files named by *.password.file settings, never on the command line).
setlocal
if not defined REGDESK_DEMO set "REGDESK_DEMO=false"
if not defined REGDESK_MODE set "REGDESK_MODE=production"
if /i "%REGDESK_DEMO%"=="true" set "REGDESK_MODE=development"
if not defined REGDESK_IDENTITY_PROVIDER set "REGDESK_IDENTITY_PROVIDER=development"
set "HOME_DIR=%~dp0"
call "%HOME_DIR%bin\find-java.cmd" || exit /b 1
for %%L in ("%HOME_DIR%plugins\org.eclipse.equinox.launcher_*.jar") do set "LAUNCHER=%%L"
for %%L in ("%HOME_DIR%plugins\org.regdesk.server.settings_*.jar") do set "SETTINGS=%%L"
if not defined LAUNCHER (echo RegDesk: Equinox launcher missing in %HOME_DIR%plugins 1>&2 & exit /b 1)
set PROPS="-Dregdesk.home=%HOME_DIR%." "-Dregdesk.server.data=%HOME_DIR%data" "-Dfelix.fileinstall.dir=%HOME_DIR%etc" "-Dregdesk.mode=%REGDESK_MODE%" "-Dregdesk.demo=%REGDESK_DEMO%" "-Dregdesk.identity.provider=%REGDESK_IDENTITY_PROVIDER%"
if /i "%~1"=="check-config" (
  "%REGDESK_JAVA%" %PROPS% -cp "%SETTINGS%" org.regdesk.server.settings.internal.CheckConfig "%HOME_DIR%etc"
  exit /b %ERRORLEVEL%
)
if /i "%REGDESK_MODE%"=="production" (
  "%REGDESK_JAVA%" %PROPS% -cp "%SETTINGS%" org.regdesk.server.settings.internal.CheckConfig "%HOME_DIR%etc" || (echo RegDesk: production start refused: fix the settings marked REFUSED above. 1>&2 & exit /b 78)
)
"%REGDESK_JAVA%" %REGDESK_SERVER_JVM_OPTIONS% %PROPS% -jar "%LAUNCHER%" -install "%HOME_DIR%." -consoleLog %*
