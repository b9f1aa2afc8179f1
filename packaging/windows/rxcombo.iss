; Inno Setup 6.3+ script: Windows installer over the PyInstaller onedir output.
; NOT tested in this repository's CI (Linux); see packaging/README.md.
;
; From the repository root, on Windows, in an environment with the app's dependencies and
; PyInstaller (`py -m pip install . pyinstaller`):
;
;   py -m PyInstaller --noconfirm --distpath packaging\out\dist --workpath packaging\out\build packaging\rxcombo.spec
;   py packaging\make_icons.py packaging\out\icons
;   iscc packaging\windows\rxcombo.iss
;
; Result: packaging\out\RxCombo-<version>-setup.exe
; Override the defaults with /D, e.g.  iscc /DAppVersion=0.2.0 /DSourceDir=C:\build\rxcombo ...
;
; The frozen folder holds two executables sharing one _internal\ folder: rxcombo.exe (console:
; `rxcombo check|list|show|search`) and rxcombo-gui.exe (no console window), which the
; shortcuts start.

#ifndef AppVersion
  ; Keep in step with [project] version in pyproject.toml (tests/test_packaging.py checks).
  #define AppVersion "0.1.0"
#endif
#ifndef SourceDir
  #define SourceDir "..\out\dist\rxcombo"
#endif
#ifndef IconFile
  #define IconFile "..\out\icons\rxcombo.ico"
#endif
#define AppName "RxCombo"
#define AppPublisher "RxCombo team"
#define AppURL "https://github.com/rxcombo/rxcombo"
#define AppExeName "rxcombo-gui.exe"

[Setup]
; AppId identifies the app for upgrades and uninstall: never change it between releases.
AppId={{26EA5D88-C794-484A-8C2B-95B94666EE45}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppPublisher}
AppPublisherURL={#AppURL}
AppSupportURL={#AppURL}
AppUpdatesURL={#AppURL}
AppCopyright=Copyright 2026 RxCombo team
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; The disclaimer (not medical advice, AI-generated pages) must be accepted to install.
LicenseFile=..\..\resources\disclaimer.md
; Per-user install by default (no administrator rights); the user may choose all users.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; Qt 6 needs Windows 10 or later.
MinVersion=10.0
OutputDir=..\out
OutputBaseFilename={#AppName}-{#AppVersion}-setup
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\{#AppExeName}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExeName}"; Comment: "Offline reference for drugs and drug combinations"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExeName}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExeName}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; The uninstaller (Settings > Apps, or the Control Panel) removes everything in {app}.
; Favourites and settings in the user's AppData folder are the user's and are kept.
[UninstallDelete]
Type: filesandordirs; Name: "{app}\_internal"
