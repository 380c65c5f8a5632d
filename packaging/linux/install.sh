#!/bin/sh
# Install this unpacked folder for the current user: the planner-desktop command in
# ~/.local/bin, the menu entry and the icon. Run it again after moving the folder;
# remove those three files to uninstall (the data folder, ~/.local/share/planner-desktop,
# is the person's and stays).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
mkdir -p "$HOME/.local/bin" "$data/applications" "$data/icons/hicolor/scalable/apps" \
	"$data/icons/hicolor/256x256/apps"
ln -sfn "$here/planner-desktop" "$HOME/.local/bin/planner-desktop"
cp "$here/planner-desktop.svg" "$data/icons/hicolor/scalable/apps/planner-desktop.svg"
cp "$here/planner-desktop.png" "$data/icons/hicolor/256x256/apps/planner-desktop.png"
sed -e "s|^Exec=.*|Exec=\"$here/planner-desktop\"|" -e "s|^TryExec=.*|TryExec=$here/planner-desktop|" \
	"$here/planner-desktop.desktop" >"$data/applications/planner-desktop.desktop"
command -v update-desktop-database >/dev/null && update-desktop-database "$data/applications" || true
echo "Planner Desktop installed: menu entry, icon, and $HOME/.local/bin/planner-desktop"
