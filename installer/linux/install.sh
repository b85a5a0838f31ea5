#!/bin/sh
# Per-user install of the unpacked bundle: no root, no Python needed.
#   tar xzf spam-wizard-*-linux-*.tar.gz && ./spam-wizard-*/install.sh
set -eu
here=$(cd "$(dirname "$0")" && pwd)
dest="${XDG_DATA_HOME:-$HOME/.local/share}/spam-wizard"
apps="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
icons="${XDG_DATA_HOME:-$HOME/.local/share}/icons/hicolor"
bin="$HOME/.local/bin"
mkdir -p "$dest" "$apps" "$icons/256x256/apps" "$icons/scalable/apps" "$bin"
rm -rf "$dest/app"
cp -a "$here/spam-wizard" "$dest/app"
cp "$here/spam-wizard.png" "$icons/256x256/apps/spam-wizard.png"
[ -f "$here/spam-wizard.svg" ] && cp "$here/spam-wizard.svg" "$icons/scalable/apps/spam-wizard.svg"
sed "s|@PREFIX@|$dest/app|" "$here/spam-wizard.desktop" > "$apps/spam-wizard.desktop"
ln -sf "$dest/app/spam-wizard" "$bin/spam-wizard"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$apps" || true
echo "Installed to $dest/app; start it from the menu or with: spam-wizard"
