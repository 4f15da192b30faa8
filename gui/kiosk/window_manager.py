"""Is an X11 window manager running? The kiosk refuses to start under one.

A window manager exists to let people leave the current window (show the desktop, switch
desktops, a root menu with a terminal), and with openbox 5,000 random actions left the
kiosk's window not covering the screen in 38 of 1,089 samples, once for 2.2 s. Rather than
fight each shortcut, the kiosk runs only where nothing else manages windows (X with no
window manager, or cage on Wayland: docs/kiosk.md).

How: the X protocol lets one client at a time select SubstructureRedirect on the root
window, and every window manager holds it. Asking for it and being refused (BadAccess)
means one is running; that is exact, unlike _NET_SUPPORTING_WM_CHECK, which a window
manager that died leaves behind. When we are granted it we give it back at once.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os

XCB_CW_EVENT_MASK = 1 << 11
XCB_EVENT_MASK_SUBSTRUCTURE_REDIRECT = 1 << 20


class _Cookie(ctypes.Structure):
    _fields_ = [("sequence", ctypes.c_uint)]


class _ScreenIterator(ctypes.Structure):
    _fields_ = [("data", ctypes.c_void_p), ("rem", ctypes.c_int), ("index", ctypes.c_int)]


def _xcb() -> ctypes.CDLL | None:
    name = ctypes.util.find_library("xcb")
    if name is None:
        return None
    xcb = ctypes.CDLL(name)
    xcb.xcb_connect.restype = ctypes.c_void_p
    xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.POINTER(ctypes.c_int)]
    xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
    xcb.xcb_get_setup.restype = ctypes.c_void_p
    xcb.xcb_get_setup.argtypes = [ctypes.c_void_p]
    xcb.xcb_setup_roots_iterator.restype = _ScreenIterator
    xcb.xcb_setup_roots_iterator.argtypes = [ctypes.c_void_p]
    xcb.xcb_screen_next.argtypes = [ctypes.POINTER(_ScreenIterator)]
    xcb.xcb_change_window_attributes_checked.restype = _Cookie
    xcb.xcb_change_window_attributes_checked.argtypes = [
        ctypes.c_void_p,
        ctypes.c_uint32,
        ctypes.c_uint32,
        ctypes.POINTER(ctypes.c_uint32),
    ]
    xcb.xcb_request_check.restype = ctypes.c_void_p
    xcb.xcb_request_check.argtypes = [ctypes.c_void_p, _Cookie]
    xcb.xcb_flush.argtypes = [ctypes.c_void_p]
    xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
    return xcb


def _set_root_mask(xcb: ctypes.CDLL, connection: int, root: int, mask: int) -> bool:
    """True when the X server granted the event mask on the root window."""
    value = ctypes.c_uint32(mask)
    cookie = xcb.xcb_change_window_attributes_checked(
        connection, root, XCB_CW_EVENT_MASK, ctypes.byref(value)
    )
    error = xcb.xcb_request_check(connection, cookie)
    if error:
        libc = ctypes.CDLL(ctypes.util.find_library("c"))
        libc.free.argtypes = [ctypes.c_void_p]
        libc.free(error)
        return False
    return True


def window_manager_running(display: str | None = None) -> bool | None:
    """True or False for the X display (default $DISPLAY); None when it cannot be asked."""
    xcb = _xcb()
    name = display if display is not None else os.environ.get("DISPLAY")
    if xcb is None or not name:
        return None
    screen = ctypes.c_int(0)
    connection = xcb.xcb_connect(name.encode(), ctypes.byref(screen))
    try:
        if not connection or xcb.xcb_connection_has_error(connection):
            return None
        roots = xcb.xcb_setup_roots_iterator(xcb.xcb_get_setup(connection))
        for _ in range(screen.value):
            xcb.xcb_screen_next(ctypes.byref(roots))
        if not roots.data:
            return None
        root = ctypes.c_uint32.from_address(roots.data).value  # xcb_screen_t starts with root
        if not _set_root_mask(xcb, connection, root, XCB_EVENT_MASK_SUBSTRUCTURE_REDIRECT):
            return True
        _set_root_mask(xcb, connection, root, 0)  # give it back before anyone needs it
        return False
    finally:
        if connection:
            xcb.xcb_disconnect(connection)
