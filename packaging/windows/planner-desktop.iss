; Inno Setup 6 recipe for Planner Desktop on Windows: a per-user install, no administrator.
;
;   ISCC.exe /DAppVersion=0.1.0 packaging\windows\planner-desktop.iss
;
; It packs the PyInstaller folder dist\planner-desktop-<version>\ (built first on Windows:
; see packaging\README.md) into dist\planner-desktop-<version>-windows-x64-setup.exe.
;
; * Installs into %LOCALAPPDATA%\Programs\Planner Desktop (PrivilegesRequired=lowest).
; * Start-menu shortcut, optional desktop shortcut, to planner-desktop.exe (the window);
;   planner-desktop-cli.exe (the headless commands, for a terminal) is installed beside it.
; * Optional file type for .cumbre session files, under HKCU\Software\Classes: their icon
;   and name, and "open" starts the program. The program does not take a file argument
;   yet, so the file is not passed: the person imports it with File > Import session files.
; * The uninstaller removes the program's folder and the file type only. The person's data
;   (%LOCALAPPDATA%\planner-desktop: databases, backups, settings, laptop key, logs) is a
;   different folder, never written by this installer, and stays.

#ifndef AppVersion
  #error Pass the version: ISCC.exe /DAppVersion=<version> packaging\windows\planner-desktop.iss
#endif
#define AppId "planner-desktop"
#define AppName "Planner Desktop"
#define AppExe "planner-desktop.exe"
#define Root AddBackslash(SourcePath) + "..\.."
#define BundleDir Root + "\dist\" + AppId + "-" + AppVersion
#define FileType "PlannerDesktop.Session"

[Setup]
; The same AppId for every version, so that a new version replaces the old one.
AppId={{0A7E9BF4-088D-5C5F-9560-012FBF159C65}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppName} contributors
PrivilegesRequired=lowest
DefaultDirName={localappdata}\Programs\{#AppName}
DisableProgramGroupPage=yes
DefaultGroupName={#AppName}
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
SourceDir={#Root}
OutputDir={#Root}\dist
OutputBaseFilename={#AppId}-{#AppVersion}-windows-x64-setup
SetupIconFile={#Root}\resources\icons\planner-desktop.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
ChangesAssociations=yes
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Languages]
Name: "spanish"; MessagesFile: "compiler:Languages\Spanish.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
spanish.AssociateCumbre=Abrir los archivos de sesión (.cumbre) con {#AppName}
english.AssociateCumbre=Open session files (.cumbre) with {#AppName}
spanish.FileTypeName=Archivo de sesión de {#AppName}
english.FileTypeName={#AppName} session file

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "associate"; Description: "{cm:AssociateCumbre}"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "resources\icons\planner-desktop.ico"; DestDir: "{app}"; Flags: ignoreversion

[InstallDelete]
; A new version's folder replaces the old one's libraries (no stale files left beside them).
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; IconFilename: "{app}\planner-desktop.ico"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; IconFilename: "{app}\planner-desktop.ico"; Tasks: desktopicon

[Registry]
; HKA is HKEY_CURRENT_USER in a per-user install: no administrator needed.
Root: HKA; Subkey: "Software\Classes\.cumbre"; ValueType: string; ValueName: ""; ValueData: "{#FileType}"; Flags: uninsdeletevalue; Tasks: associate
Root: HKA; Subkey: "Software\Classes\.cumbre\OpenWithProgids"; ValueType: string; ValueName: "{#FileType}"; ValueData: ""; Flags: uninsdeletevalue; Tasks: associate
Root: HKA; Subkey: "Software\Classes\{#FileType}"; ValueType: string; ValueName: ""; ValueData: "{cm:FileTypeName}"; Flags: uninsdeletekey; Tasks: associate
Root: HKA; Subkey: "Software\Classes\{#FileType}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\planner-desktop.ico"; Tasks: associate
; No "%1": the program opens its window and the person imports the file from there.
Root: HKA; Subkey: "Software\Classes\{#FileType}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"""; Tasks: associate
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".cumbre"; ValueData: ""; Flags: uninsdeletekey; Tasks: associate

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
