@echo off
rem Driver updates without the desk window (docs/DRIVER-UPDATES.md). Close the workstation first.
rem Runs the workstation's own launcher with the driver application instead of the window.
call "%~dp0regdesk.cmd" -application org.regdesk.updates.p2.drivers -nosplash %*
