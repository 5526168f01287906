package org.deeprounds.base.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.PermitAll;

/**
 * The lab shell around every signed-in view. The side navigation is built from the views that exist and that the
 * signed-in user may open ({@code @Menu} on a route), so it never shows a link that leads nowhere.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    /** Route of the signed-in user's account page (password change). */
    static final String ACCOUNT_ROUTE = "account";

    private final transient AuthenticationContext authentication;
    private final Span viewTitle = new Span();

    public MainLayout(AuthenticationContext authentication) {
        this.authentication = authentication;
        setPrimarySection(Section.DRAWER);
        addToNavbar(new DrawerToggle(), styledTitle(), userMenu());
        addToDrawer(brand(), new Scroller(sideNav()));
    }

    private Div brand() {
        var name = new Span("DeepRounds");
        name.addClassNames(LumoUtility.FontWeight.BOLD, LumoUtility.FontSize.LARGE);
        var tagline = new Span("Deep learning for clinicians");
        tagline.addClassNames(LumoUtility.FontSize.XSMALL, LumoUtility.TextColor.SECONDARY);
        var brand = new Div(name, tagline);
        brand.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Padding.MEDIUM);
        return brand;
    }

    private Span styledTitle() {
        viewTitle.setId("view-title");
        viewTitle.addClassNames(
                LumoUtility.FontSize.LARGE,
                LumoUtility.Flex.GROW,
                LumoUtility.Overflow.HIDDEN,
                LumoUtility.TextOverflow.ELLIPSIS,
                LumoUtility.Whitespace.NOWRAP);
        // One line on a phone too: the full title is in the page and in the tooltip.
        viewTitle.getStyle().set("min-width", "0");
        return viewTitle;
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        var header = MenuConfiguration.getPageHeader(getContent()).orElse("");
        viewTitle.setText(header);
        viewTitle.setTitle(header);
    }

    private SideNav sideNav() {
        var nav = new SideNav();
        nav.setId("main-nav");
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            var item = new SideNavItem(entry.title(), entry.path());
            if (entry.icon() != null && !entry.icon().isBlank()) {
                item.setPrefixComponent(new Icon(entry.icon()));
            }
            nav.addItem(item);
        }
        return nav;
    }

    private HorizontalLayout userMenu() {
        var layout = new HorizontalLayout();
        layout.setAlignItems(HorizontalLayout.Alignment.CENTER);
        layout.addClassNames(LumoUtility.Padding.Horizontal.MEDIUM, LumoUtility.Flex.SHRINK_NONE);
        authentication.getPrincipalName().ifPresent(name -> {
            var avatar = new Avatar(name);
            var menu = new MenuBar();
            menu.setId("user-menu");
            menu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE);
            var root = menu.addItem(avatar);
            var shown = new Span(name);
            // The avatar alone on small screens, where the name would push the title off the bar.
            shown.addClassNames(LumoUtility.Display.HIDDEN, LumoUtility.Display.Breakpoint.Small.INLINE);
            root.add(shown);
            var sub = root.getSubMenu();
            sub.addItem("My account", e -> getUI().ifPresent(ui -> ui.navigate(ACCOUNT_ROUTE)));
            sub.addItem("Sign out", e -> authentication.logout());
            layout.add(menu);
        });
        return layout;
    }
}
