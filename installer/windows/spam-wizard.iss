; Inno Setup 6 script: per-user install of the PyInstaller one-folder bundle (no admin rights).
; Build on Windows after `python installer\build.py`:
;   iscc /DAppVersion=0.1.0 installer\windows\spam-wizard.iss
; The bundle is expected in installer\dist\spam-wizard and the icon in installer\build\icons.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "Spam Support Wizard"
#define AppNameJa "迷惑メール対応ウィザード"
#define AppExe "spam-wizard.exe"
#define Bundle "..\dist\spam-wizard"

[Setup]
AppId={{6E7F3B8C-3E0A-4C51-9E3B-2B1D6A0C5F11}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Spam Support Wizard project
VersionInfoVersion={#AppVersion}
VersionInfoProductName={#AppName}
VersionInfoDescription={#AppName} installer
DefaultDirName={localappdata}\Programs\Spam Support Wizard
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
OutputDir=..\dist
OutputBaseFilename=spam-wizard-{#AppVersion}-setup
SetupIconFile=..\build\icons\spam-wizard.ico
UninstallDisplayIcon={app}\{#AppExe}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
ShowLanguageDialog=auto

[Languages]
Name: "japanese"; MessagesFile: "compiler:Languages\Japanese.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{userprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "{#AppNameJa}"
Name: "{userprograms}\{#AppName} (demo)"; Filename: "{app}\{#AppExe}"; Parameters: "--demo"
Name: "{userdesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
