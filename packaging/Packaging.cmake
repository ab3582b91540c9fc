# SPDX-License-Identifier: GPL-3.0-or-later
# Packaging, included at the end of the top-level CMakeLists.txt (so every target exists here):
#   - install() rules for the executables defined elsewhere (meterdesk, qinchuan-sim),
#   - desktop integration (Linux .desktop, hicolor icons, systemd unit; Windows version resource),
#   - Qt runtime deployment on Windows (windeployqt through qt_generate_deploy_app_script),
#   - CPack: WIX (+ZIP) on Windows, DEB + TGZ on Linux.
# packaging/README.md explains what is produced and what is verified where.

set(MD_PACKAGE_VENDOR "MeterDesk project")
set(MD_PACKAGE_CONTACT "MeterDesk maintainers <meterdesk@example.invalid>")
# The MSI UpgradeCode: the ONE place it is written. Windows Installer finds older MeterDesk
# installations by it and replaces them (MajorUpgrade), so it must never change. The hand-written
# packaging/wix/meterdesk.wxs receives it from here through build/packaging/wix-defines.env.
set(MD_WIX_UPGRADE_GUID "1D5E8CB6-04DB-4E98-8E89-01405EBB498F")
# Default TCP port of the receiver (protocol.md section 9, [listener] port): the optional firewall rule.
set(MD_DEFAULT_LISTEN_PORT 8080)

set(MD_ICON_DIR "${CMAKE_SOURCE_DIR}/resources/icons")
set(MD_PACKAGING_DIR "${CMAKE_CURRENT_LIST_DIR}")
set(MD_PACKAGING_BINARY_DIR "${CMAKE_BINARY_DIR}/packaging")
file(MAKE_DIRECTORY "${MD_PACKAGING_BINARY_DIR}")

# The executables that make up the product, in the order they are packaged.
set(MD_PACKAGED_EXECUTABLES "")
foreach(md_target meterdesk meterdesk-cli qinchuan-sim)
    if(TARGET ${md_target})
        list(APPEND MD_PACKAGED_EXECUTABLES ${md_target})
    endif()
endforeach()

# --- install rules --------------------------------------------------------------------------
# Each executable installs itself to ${CMAKE_INSTALL_BINDIR} (app/cli, app/gui, tools/qinchuan-sim
# CMakeLists); for one that does not, add it here guarded by if(TARGET ...). The package checks
# (packaging/check-msi.sh, tests/packaging/check-deb.sh) fail when a packaged executable is not
# installed. Packages ship static-linked project code against the system (Linux) or deployed
# (Windows) Qt: drop the $ORIGIN/../lib RUNPATH qt_standard_project_setup() adds on Linux.
if(UNIX AND NOT APPLE)
    foreach(md_target ${MD_PACKAGED_EXECUTABLES})
        set_property(TARGET ${md_target} PROPERTY INSTALL_RPATH "")
    endforeach()
endif()

if(UNIX AND NOT APPLE)
    if(TARGET meterdesk)
        install(FILES "${MD_PACKAGING_DIR}/linux/meterdesk.desktop"
            DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
        foreach(md_size 16 24 32 48 64 128 256)
            install(FILES "${MD_ICON_DIR}/meterdesk-${md_size}.png"
                DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${md_size}x${md_size}/apps
                RENAME meterdesk.png)
        endforeach()
        install(FILES "${MD_ICON_DIR}/meterdesk.svg"
            DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
    endif()
    # The headless receiver as a system service (not enabled by the package: it needs a config).
    install(FILES "${MD_PACKAGING_DIR}/linux/meterdesk-receiver.service"
        DESTINATION lib/systemd/system)
    install(FILES "${MD_PACKAGING_DIR}/linux/meterdesk.sysusers"
        DESTINATION lib/sysusers.d RENAME meterdesk.conf)
    install(FILES "${MD_PACKAGING_DIR}/linux/meterdesk.tmpfiles"
        DESTINATION lib/tmpfiles.d RENAME meterdesk.conf)
    # Debian keeps the licence as doc/<package>/copyright; the unit's Documentation= points here.
    install(FILES "${CMAKE_SOURCE_DIR}/LICENSE" DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/meterdesk RENAME copyright)
    install(FILES "${MD_PACKAGING_DIR}/README.md" DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/meterdesk
        RENAME README.packaging.md)
endif()

# --- Windows: version resource + icon in every executable -------------------------------------
if(WIN32)
    # Console tools keep their console (stdout/stderr) whatever qt_add_executable's default is.
    foreach(md_target meterdesk-cli qinchuan-sim)
        if(TARGET ${md_target})
            set_property(TARGET ${md_target} PROPERTY WIN32_EXECUTABLE OFF)
        endif()
    endforeach()
    enable_language(RC)   # usually implicit with MSVC; explicit for clarity (top-level scope here)
    set(md_patch "${PROJECT_VERSION_PATCH}")
    if(md_patch STREQUAL "")
        set(md_patch 0)
    endif()
    set(MD_RC_VERSION_COMMAS "${PROJECT_VERSION_MAJOR},${PROJECT_VERSION_MINOR},${md_patch},0")
    set(MD_RC_ICON "${MD_ICON_DIR}/meterdesk.ico")
    foreach(md_target ${MD_PACKAGED_EXECUTABLES})
        set(MD_RC_NAME ${md_target})
        if(md_target STREQUAL "meterdesk")
            set(MD_RC_DESCRIPTION_EN "MeterDesk gas-meter business console")
            set(MD_RC_DESCRIPTION_ZH "MeterDesk 燃气表业务平台")
        elseif(md_target STREQUAL "meterdesk-cli")
            set(MD_RC_DESCRIPTION_EN "MeterDesk command line and headless receiver")
            set(MD_RC_DESCRIPTION_ZH "MeterDesk 命令行与无界面接收服务")
        else()
            set(MD_RC_DESCRIPTION_EN "Qinchuan platform simulator for MeterDesk")
            set(MD_RC_DESCRIPTION_ZH "秦川物联网平台模拟器")
        endif()
        configure_file("${MD_PACKAGING_DIR}/windows/meterdesk.rc.in"
            "${MD_PACKAGING_BINARY_DIR}/${md_target}.rc" @ONLY ENCODING UTF-8)
        target_sources(${md_target} PRIVATE "${MD_PACKAGING_BINARY_DIR}/${md_target}.rc")
    endforeach()
endif()

# --- Windows: Qt runtime next to the executables ------------------------------------------------
# qt_generate_deploy_app_script exists since Qt 6.3 (FILENAME_VARIABLE up to 6.4, OUTPUT_SCRIPT
# from 6.5). It runs windeployqt at install time, so `cmake --install` and cpack get Qt's DLLs,
# the platform/style/tls/sqldrivers plugins (qsqlite, qsqlpsql, qschannelbackend, qopensslbackend)
# and Qt's own translations (qt_zh_CN.qm) under <prefix>/plugins and <prefix>/translations, with a
# qt.conf in bin. Linux packages use the distribution's Qt instead (DEB Depends), so this is
# Windows-only.
if(WIN32 AND COMMAND qt_generate_deploy_app_script)
    foreach(md_target ${MD_PACKAGED_EXECUTABLES})
        if(Qt6_VERSION VERSION_GREATER_EQUAL 6.5)
            qt_generate_deploy_app_script(TARGET ${md_target} OUTPUT_SCRIPT md_deploy_script
                NO_UNSUPPORTED_PLATFORM_ERROR)
        else()
            qt_generate_deploy_app_script(TARGET ${md_target} FILENAME_VARIABLE md_deploy_script
                NO_UNSUPPORTED_PLATFORM_ERROR)
        endif()
        install(SCRIPT "${md_deploy_script}")
    endforeach()
    # Belt and braces: the SQL drivers must be there even if windeployqt's plugin selection changes.
    foreach(md_plugin QSQLiteDriverPlugin QPSQLDriverPlugin)
        if(TARGET Qt6::${md_plugin})
            install(FILES "$<TARGET_FILE:Qt6::${md_plugin}>" DESTINATION plugins/sqldrivers)
        endif()
    endforeach()
    # OpenSSL 3: meterdesk links libcrypto itself (AES-ECB), and Qt's OpenSSL TLS backend loads
    # libssl/libcrypto at run time. windeployqt does not copy them.
    set(md_openssl_hints "")
    if(OPENSSL_INCLUDE_DIR)
        get_filename_component(md_openssl_root "${OPENSSL_INCLUDE_DIR}" DIRECTORY)
        list(APPEND md_openssl_hints "${md_openssl_root}/bin" "${md_openssl_root}")
    endif()
    find_file(MD_OPENSSL_CRYPTO_DLL NAMES libcrypto-3-x64.dll libcrypto-3.dll HINTS ${md_openssl_hints})
    find_file(MD_OPENSSL_SSL_DLL NAMES libssl-3-x64.dll libssl-3.dll HINTS ${md_openssl_hints})
    foreach(md_dll MD_OPENSSL_CRYPTO_DLL MD_OPENSSL_SSL_DLL)
        if(${md_dll})
            install(FILES "${${md_dll}}" DESTINATION ${CMAKE_INSTALL_BINDIR})
        else()
            message(WARNING "Packaging: ${md_dll} not found; the installed program will not start "
                "without OpenSSL 3's DLLs (set OPENSSL_ROOT_DIR).")
        endif()
    endforeach()
    # The PostgreSQL driver (qsqlpsql.dll) needs libpq.dll and its helpers, which Qt does not ship.
    # Point MD_LIBPQ_DIR at a PostgreSQL "bin" folder to bundle them (CI: the runner's PostgreSQL).
    set(MD_LIBPQ_DIR "" CACHE PATH "Folder with libpq.dll and its DLLs to bundle for qsqlpsql (Windows)")
    if(MD_LIBPQ_DIR)
        file(GLOB md_libpq_dlls "${MD_LIBPQ_DIR}/libpq.dll" "${MD_LIBPQ_DIR}/libintl*.dll"
            "${MD_LIBPQ_DIR}/libiconv*.dll" "${MD_LIBPQ_DIR}/libwinpthread*.dll" "${MD_LIBPQ_DIR}/zlib*.dll"
            "${MD_LIBPQ_DIR}/liblz4*.dll" "${MD_LIBPQ_DIR}/libzstd*.dll")
        if(NOT md_libpq_dlls)
            message(WARNING "Packaging: no libpq.dll in MD_LIBPQ_DIR=${MD_LIBPQ_DIR}")
        endif()
        install(FILES ${md_libpq_dlls} DESTINATION ${CMAKE_INSTALL_BINDIR})
    endif()
endif()

# --- values shared with packaging/check-msi.sh and scripts/package.sh -----------------------
# The hand-written WiX source is built by wixl from these, so the UpgradeCode, version and names
# stay in this file only.
set(MD_WIX_HAVE_GUI 0)
set(MD_WIX_HAVE_SIM 0)
if(TARGET meterdesk)
    set(MD_WIX_HAVE_GUI 1)
endif()
if(TARGET qinchuan-sim)
    set(MD_WIX_HAVE_SIM 1)
endif()
list(JOIN MD_PACKAGED_EXECUTABLES " " MD_PACKAGED_EXECUTABLES_SH)
file(CONFIGURE OUTPUT "${MD_PACKAGING_BINARY_DIR}/wix-defines.env" CONTENT [[
# Generated by packaging/Packaging.cmake: values for packaging/check-msi.sh (shell syntax).
MD_PRODUCT_NAME="MeterDesk"
MD_VERSION="@PROJECT_VERSION@"
MD_MANUFACTURER="@MD_PACKAGE_VENDOR@"
MD_UPGRADE_CODE="@MD_WIX_UPGRADE_GUID@"
MD_LISTEN_PORT="@MD_DEFAULT_LISTEN_PORT@"
MD_EXECUTABLES="@MD_PACKAGED_EXECUTABLES_SH@"
MD_HAVE_GUI=@MD_WIX_HAVE_GUI@
MD_HAVE_SIM=@MD_WIX_HAVE_SIM@
MD_ICON_ICO="@MD_ICON_DIR@/meterdesk.ico"
MD_WXS="@MD_PACKAGING_DIR@/wix/meterdesk.wxs"
]] @ONLY)

# --- CPack ---------------------------------------------------------------------------------
set(CPACK_PACKAGE_NAME "MeterDesk")                      # also the MSI ProductName
set(CPACK_PACKAGE_VENDOR "${MD_PACKAGE_VENDOR}")
set(CPACK_PACKAGE_CONTACT "${MD_PACKAGE_CONTACT}")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_HOMEPAGE_URL "${PROJECT_HOMEPAGE_URL}")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "MeterDesk")
# WiX wants the licence as .txt or .rtf.
configure_file("${CMAKE_SOURCE_DIR}/LICENSE" "${MD_PACKAGING_BINARY_DIR}/LICENSE.txt" COPYONLY)
set(CPACK_RESOURCE_FILE_LICENSE "${MD_PACKAGING_BINARY_DIR}/LICENSE.txt")
set(CPACK_STRIP_FILES TRUE)
set(CPACK_PACKAGE_CHECKSUM SHA256)
set(CPACK_SOURCE_IGNORE_FILES "/build/;/\\\\.git/")
if(TARGET meterdesk)
    # Start-menu shortcut (WIX) "MeterDesk" -> bin/meterdesk.exe
    set(CPACK_PACKAGE_EXECUTABLES "meterdesk;MeterDesk")
endif()

if(WIN32)
    set(CPACK_GENERATOR "WIX;ZIP")
    set(CPACK_PACKAGE_FILE_NAME "MeterDesk-${PROJECT_VERSION}-win64")
else()
    set(CPACK_GENERATOR "DEB;TGZ")
    set(CPACK_PACKAGE_FILE_NAME "meterdesk-${PROJECT_VERSION}-linux-${CMAKE_SYSTEM_PROCESSOR}")
endif()

# WIX (WiX Toolset 3: candle/light found through %WIX% or CPACK_WIX_ROOT).
set(CPACK_WIX_UPGRADE_GUID "${MD_WIX_UPGRADE_GUID}")
set(CPACK_WIX_PRODUCT_ICON "${MD_ICON_DIR}/meterdesk.ico")
set(CPACK_WIX_PROGRAM_MENU_FOLDER "MeterDesk")
set(CPACK_WIX_INSTALL_SCOPE "perMachine")   # honoured by CMake >= 3.29; older: ALLUSERS=1 below
set(CPACK_WIX_CULTURES "zh-CN;en-US")       # Chinese text, English where a string has no zh-CN
set(CPACK_WIX_UI_REF "WixUI_FeatureTree")   # shows the optional firewall feature
set(CPACK_WIX_ROOT_FEATURE_TITLE "MeterDesk")
set(CPACK_WIX_PROPERTY_ARPURLINFOABOUT "${PROJECT_HOMEPAGE_URL}")
set(CPACK_WIX_EXTRA_SOURCES "${MD_PACKAGING_DIR}/wix/firewall.wxs")
set(CPACK_WIX_LIGHT_EXTRA_FLAGS
    "-loc" "${MD_PACKAGING_DIR}/wix/meterdesk_zh-CN.wxl"
    "-loc" "${MD_PACKAGING_DIR}/wix/meterdesk_en-US.wxl")
set(CPACK_WIX_CANDLE_EXTRA_FLAGS "-dMdListenPort=${MD_DEFAULT_LISTEN_PORT}" "-I${MD_PACKAGING_DIR}/wix")
if(CMAKE_VERSION VERSION_LESS 3.29)
    # CMake's WiX template before 3.29 has no InstallScope: make the install per-machine explicitly.
    set(MD_WIX_ALLUSERS_FRAGMENT
        "<CPackWiXFragment Id=\"#PRODUCT\"><Property Id=\"ALLUSERS\" Value=\"1\"/></CPackWiXFragment>")
else()
    set(MD_WIX_ALLUSERS_FRAGMENT "")
endif()
configure_file("${MD_PACKAGING_DIR}/wix/cpack-patch.xml.in" "${MD_PACKAGING_BINARY_DIR}/cpack-patch.xml" @ONLY)
set(CPACK_WIX_PATCH_FILE "${MD_PACKAGING_BINARY_DIR}/cpack-patch.xml")

# DEB
set(CPACK_DEBIAN_PACKAGE_NAME "meterdesk")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION "misc")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${PROJECT_HOMEPAGE_URL}")
# CPack puts CPACK_PACKAGE_DESCRIPTION_SUMMARY on the Description line; this is the extended text.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "MeterDesk receives the uploads of Qinchuan's IoT gas-meter platform (HTTP+JSON),\nstores them in SQLite or PostgreSQL and sends meter commands. Includes the Widgets\nconsole (meterdesk), the command line and headless receiver (meterdesk-cli) and a\nplatform simulator (qinchuan-sim).")
# Plugins are loaded at run time, so dpkg-shlibdeps cannot see them: name them explicitly.
set(md_deb_plugin_depends "libqt6sql6-sqlite")
if(TARGET meterdesk)
    string(APPEND md_deb_plugin_depends ", qt6-qpa-plugins")
endif()
find_program(MD_DPKG_SHLIBDEPS dpkg-shlibdeps)
if(MD_DPKG_SHLIBDEPS)
    set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
    set(CPACK_DEBIAN_PACKAGE_DEPENDS "${md_deb_plugin_depends}")
else()
    # Without dpkg-dev the library list is spelled out (Debian 12 names).
    set(md_deb_depends "libqt6core6 (>= 6.4), libqt6network6, libqt6sql6, libqt6httpserver6, libqt6websockets6, libqt6concurrent6, libssl3")
    if(TARGET meterdesk)
        string(APPEND md_deb_depends ", libqt6gui6, libqt6widgets6, libqt6printsupport6")
    endif()
    set(CPACK_DEBIAN_PACKAGE_DEPENDS "${md_deb_depends}, ${md_deb_plugin_depends}")
endif()
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-translations-l10n")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "libqt6sql6-psql")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    "${MD_PACKAGING_DIR}/linux/debian/postinst"
    "${MD_PACKAGING_DIR}/linux/debian/prerm"
    "${MD_PACKAGING_DIR}/linux/debian/postrm")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION TRUE)

include(CPack)
