# Text the Rust side of the desktop app shows itself.
desk-window-title = CSBA Desk
# The action of a deadline notification.
notification-open = Open
