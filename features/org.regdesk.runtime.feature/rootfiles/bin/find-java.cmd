@rem Called by the RegDesk .cmd launchers: sets REGDESK_JAVA to a java.exe of version 21 or newer.
@echo off
set "REGDESK_MIN_JAVA=21"
if defined REGDESK_JAVA call :check "%REGDESK_JAVA%" && exit /b 0
if defined JAVA_HOME call :check "%JAVA_HOME%\bin\java.exe" && exit /b 0
for /f "delims=" %%J in ('where java 2^>nul') do call :check "%%J" && exit /b 0
for /d %%D in ("%ProgramFiles%\Eclipse Adoptium\*" "%ProgramFiles%\Java\*" "%ProgramFiles%\Microsoft\jdk-*") do call :check "%%~D\bin\java.exe" && exit /b 0
echo RegDesk: Java %REGDESK_MIN_JAVA% veya daha yenisi bulunamadi. / No Java %REGDESK_MIN_JAVA% or newer was found. 1>&2
echo Bir JDK %REGDESK_MIN_JAVA%+ kurun ya da JAVA_HOME'u ona yoneltin. / Install a JDK %REGDESK_MIN_JAVA%+ or set JAVA_HOME. 1>&2
exit /b 1

:check
if not exist "%~1" exit /b 1
set "REGDESK_JAVA_MAJOR="
for /f "tokens=2 delims==" %%V in ('"%~1" -XshowSettings:properties -version 2^>^&1 ^| findstr /c:"java.specification.version"') do set "REGDESK_JAVA_MAJOR=%%V"
if not defined REGDESK_JAVA_MAJOR exit /b 1
set /a REGDESK_JAVA_MAJOR=%REGDESK_JAVA_MAJOR: =% 2>nul
if %REGDESK_JAVA_MAJOR% GEQ %REGDESK_MIN_JAVA% (set "REGDESK_JAVA=%~1" & exit /b 0)
exit /b 1
